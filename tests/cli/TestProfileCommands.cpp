// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta profiles`, `juxta key`, `juxta models --profile` and `juxta ask --model profile/model` as real processes:
// keys through the real keychain, prices and cost_usd, the budget guard, a damaged config file.
#include "FakeProviderServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

} // namespace

class TestProfileCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addListExportImport();
    void keyRoundTripThroughTheKeychain();
    void askResolvesProfileKeyAndPrice();
    void providerBillIsShownAndChecked();
    void unknownPriceIsNullNeverZero();
    void budgetGuardBlocksBeforeSending();
    void budgetCommandSetsLimitsAndShowsSpending();
    void estimateSendsNothing();
    void insecureFileStoreIsOptInAndWarns();
    void unknownProfileIsBadUsage();
    void damagedConfigIsReportedAndKept();
    void modelsListsPricesAndUsesTheCache();

private:
    Run juxta(const QStringList& args, const QByteArray& stdinData = {}, QProcessEnvironment env = {});
    void writeConfig(const QByteArray& extra = {});
    QString configPath() const { return m_dir->filePath(u"config.json"_s); }

    FakeProviderServer* m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProfileCommands::init()
{
    m_server = new FakeProviderServer(this);
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestProfileCommands::cleanup()
{
    delete m_server;
    m_dir.reset();
}

Run TestProfileCommands::juxta(const QStringList& args, const QByteArray& stdinData, QProcessEnvironment env)
{
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_KEYCHAIN_SERVICE"_s, u"org.juxta.Juxta.test-cli"_s);
    for (const QString& var : {u"OPENROUTER_API_KEY"_s, u"OPENAI_API_KEY"_s})
        env.remove(var);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JUXTA_BINARY), args);
    if (!process.waitForStarted(10'000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished); // the server needs this event loop turning
    finished.wait(30'000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// One OpenRouter-preset profile "or" pointing at the fake server, and a custom one without prices.
void TestProfileCommands::writeConfig(const QByteArray& extra)
{
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray url = m_server->baseUrl(u"/api/v1"_s).toString().toUtf8();
    file.write(R"({"version": 1, "profiles": [
        {"id": "or", "preset": "openrouter", "api": "openai", "base_url": ")" + url
               + R"(", "auth": "bearer", "key_env": "OPENROUTER_API_KEY"},
        {"id": "mine", "preset": "custom", "api": "openai", "base_url": ")" + url + R"(", "auth": "bearer"}],
      "price_overrides": {"or/openai/gpt-4o-mini": {"input": 2.5, "cached_input": 1.25, "output": 10}})"
               + extra + "}");
}

void TestProfileCommands::addListExportImport()
{
    Run r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--add"_s, u"groq"_s});
    QCOMPARE(r.exitCode, 0);
    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--add"_s, u"ollama"_s, u"--id"_s, u"gpu-box"_s,
               u"--base-url"_s, u"http://192.168.7.7:11434"_s});
    QCOMPARE(r.exitCode, 0);
    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--add"_s, u"custom"_s, u"--id"_s, u"plain"_s,
               u"--base-url"_s, u"http://llm.example.com/v1"_s});
    QCOMPARE(r.exitCode, 2); // plain http to a public host needs --allow-insecure-http
    QVERIFY(r.err.contains("http://"));
    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--add"_s, u"groq"_s});
    QCOMPARE(r.exitCode, 2); // ids are unique

    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = r.array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0][u"id"_s].toString(), u"groq"_s);
    QCOMPARE(list[1][u"base_url"_s].toString(), u"http://192.168.7.7:11434"_s);
    QCOMPARE(list[1][u"key"_s].toString(), u"not needed"_s);

    const QString exported = m_dir->filePath(u"team.json"_s);
    QCOMPARE(juxta({u"profiles"_s, u"--config"_s, configPath(), u"--export"_s, exported}).exitCode, 0);
    const QString other = m_dir->filePath(u"other.json"_s);
    r = juxta({u"profiles"_s, u"--config"_s, other, u"--import"_s, exported});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(juxta({u"profiles"_s, u"--config"_s, other, u"--json"_s}).array().size(), 2);
    QCOMPARE(juxta({u"profiles"_s, u"--config"_s, other, u"--remove"_s, u"groq"_s}).exitCode, 0);
    QCOMPARE(juxta({u"profiles"_s, u"--config"_s, other, u"--json"_s}).array().size(), 1);
}

void TestProfileCommands::keyRoundTripThroughTheKeychain()
{
    writeConfig();
    Run r = juxta({u"key"_s, u"set"_s, u"or"_s, u"--config"_s, configPath()}, "sk-juxta-TESTKEY-cli-keychain\n");
    if (r.exitCode != 0 && r.err.contains("No system keychain")) {
        if (qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
            QFAIL(r.err.constData());
        QSKIP("no Secret Service in this session");
    }
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("TESTKEY") && !r.err.contains("TESTKEY"));

    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s));
    r = juxta({u"key"_s, u"test"_s, u"or"_s, u"--config"_s, configPath()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("the key works"));
    QVERIFY(r.out.contains("3 models"));
    QCOMPARE(m_server->requests().last().header("authorization"), QByteArray("Bearer sk-juxta-TESTKEY-cli-keychain"));

    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.array()[0][u"key"_s].toString(), u"system keychain"_s);

    // --json: the same outcome as data, never the key.
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s));
    r = juxta({u"key"_s, u"test"_s, u"or"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[u"ok"_s].toBool(), true);
    QCOMPARE(r.json()[u"models"_s].toInt(), 3);
    QCOMPARE(r.json()[u"key_source"_s].toString(), u"system keychain"_s);
    QVERIFY(r.json()[u"error"_s].isNull());
    QVERIFY(!r.out.contains("TESTKEY"));
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s));
    r = juxta({u"key"_s, u"test"_s, u"or"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json()[u"ok"_s].toBool(), false);
    QCOMPARE(r.json()[u"error_class"_s].toString(), u"auth"_s);

    r = juxta({u"key"_s, u"delete"_s, u"or"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[u"result"_s].toString(), u"deleted"_s);
    QCOMPARE(r.json()[u"profile"_s].toString(), u"or"_s);
    r = juxta({u"profiles"_s, u"--config"_s, configPath(), u"--json"_s});
    QCOMPARE(r.array()[0][u"key"_s].toString(), u"none"_s);
    r = juxta({u"key"_s, u"delete"_s, u"or"_s, u"--config"_s, configPath()});
    QCOMPARE(r.exitCode, 0); // deleting is idempotent (the Secret Service does not say whether one existed)
    r = juxta({u"key"_s, u"set"_s, u"or"_s, u"--config"_s, configPath()}, "\n");
    QCOMPARE(r.exitCode, 2); // an empty key is refused
    r = juxta({u"key"_s, u"set"_s, u"or"_s, u"sk-on-the-command-line"_s, u"--config"_s, configPath()});
    QCOMPARE(r.exitCode, 2); // never on the command line
}

void TestProfileCommands::askResolvesProfileKeyAndPrice()
{
    writeConfig();
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s).splitAfterEvents());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JUXTA_TEST_OR_KEY"_s, u"sk-juxta-TESTKEY-cli-env"_s);
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                         u"--api-key-env"_s, u"JUXTA_TEST_OR_KEY"_s, u"--json"_s, u"Say hello"_s},
                        {}, env);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o[u"served_by"_s].toString(), u"or/openai/gpt-4o-mini"_s);
    QCOMPARE(m_server->requests()[0].path, QByteArray("/api/v1/chat/completions"));
    QCOMPARE(m_server->requests()[0].json()[u"model"_s].toString(), u"openai/gpt-4o-mini"_s);
    QCOMPARE(m_server->requests()[0].header("authorization"), QByteArray("Bearer sk-juxta-TESTKEY-cli-env"));
    // 12 input (4 cached), 9 output: 8 × 2.50 + 4 × 1.25 + 9 × 10 per 1M = 0.000115
    QCOMPARE(o[u"cost_usd"_s].toDouble(), 0.000115);
    const QJsonObject cost = o[u"cost"_s].toObject();
    QCOMPARE(cost[u"price_source"_s].toString(), u"override"_s);
    QVERIFY(cost[u"billed_usd"_s].isNull());
    QVERIFY(cost[u"estimate_min"_s].toDouble() > 0);
    QVERIFY(!r.out.contains("TESTKEY") && !r.err.contains("TESTKEY"));
}

void TestProfileCommands::providerBillIsShownAndChecked()
{
    writeConfig();
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_reasoning_openrouter.http"_s));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OPENROUTER_KEY_FOR_TEST"_s, u"sk-juxta-TESTKEY-bill"_s);
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                         u"--api-key-env"_s, u"OPENROUTER_KEY_FOR_TEST"_s, u"--json"_s, u"Tell a story"_s},
                        {}, env);
    const QJsonObject o = r.json();
    // The bill wins; ours (42 × 2.50 + 57 × 10 per 1M = 0.000675) is shown beside it and flagged as different.
    QCOMPARE(o[u"cost_usd"_s].toDouble(), 0.000981);
    const QJsonObject cost = o[u"cost"_s].toObject();
    QCOMPARE(cost[u"computed"_s].toDouble(), 0.000675);
    QCOMPARE(cost[u"billed_usd"_s].toDouble(), 0.000981);
    QCOMPARE(cost[u"agrees_with_bill"_s].toBool(true), false);
}

void TestProfileCommands::unknownPriceIsNullNeverZero()
{
    writeConfig();
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"mine/my-finetune"_s, u"--json"_s,
                         u"Hi"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QVERIFY(o.contains(u"cost_usd"_s));
    QVERIFY(o[u"cost_usd"_s].isNull());
    QCOMPARE(o[u"cost"_s].toObject()[u"price_source"_s].toString(), u"unknown"_s);
    QVERIFY(m_server->requests()[0].header("authorization").isNull()); // a custom profile with no key sends none
}

void TestProfileCommands::budgetGuardBlocksBeforeSending()
{
    writeConfig(R"(, "budget": {"per_request_usd": 0.0000001, "action": "block"})");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OPENROUTER_KEY_FOR_TEST"_s, u"sk-juxta-TESTKEY-budget"_s);
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                         u"--api-key-env"_s, u"OPENROUTER_KEY_FOR_TEST"_s, u"--max-tokens"_s, u"100"_s, u"Hi"_s},
                        {}, env);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("per-request limit"));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestProfileCommands::estimateSendsNothing()
{
    writeConfig(R"(, "budget": {"per_request_usd": 0.001, "action": "warn"})");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OPENROUTER_KEY_FOR_TEST"_s, u"sk-juxta-TESTKEY-estimate"_s);
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                         u"--fallback"_s, u"mine/my-finetune"_s, u"--api-key-env"_s, u"OPENROUTER_KEY_FOR_TEST"_s,
                         u"--max-tokens"_s, u"100"_s, u"--estimate"_s, u"--json"_s, u"Say hello"_s},
                        {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().size(), 0);
    const QJsonArray estimates = r.json()[u"estimates"_s].toArray();
    QCOMPARE(estimates.size(), 2);
    // "Say hello" ≈ 3 tokens + 4 framing + 3 priming = 10 → 8 low, 13 high.
    // min = 8 × 2.50 + 1 × 10 = 0.00003; max = 13 × 2.50 + 100 × 10 = 0.0010325 (per 1M)
    const QJsonObject first = estimates[0].toObject();
    QCOMPARE(first[u"input_tokens_low"_s].toInt(), 8);
    QCOMPARE(first[u"input_tokens_high"_s].toInt(), 13);
    QCOMPARE(first[u"min"_s].toDouble(), 0.00003);
    QCOMPARE(first[u"max"_s].toDouble(), 0.0010325);
    QVERIFY(estimates[1].toObject()[u"min"_s].isNull()); // no price known: no estimate, never $0
    // The fallback's price is unknown, so the request's worst case is too: a warning in warn mode.
    QCOMPARE(r.json()[u"budget"_s].toObject()[u"verdict"_s].toString(), u"warn"_s);
    QVERIFY(r.json()[u"budget"_s].toObject()[u"message"_s].toString().contains(u"unknown"_s));
    // Without it: $0.00103 is over the $0.001 per-request limit.
    const Run alone = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                             u"--api-key-env"_s, u"OPENROUTER_KEY_FOR_TEST"_s, u"--max-tokens"_s, u"100"_s,
                             u"--estimate"_s, u"Say hello"_s},
                            {}, env);
    QCOMPARE(alone.exitCode, 0);
    QVERIFY(alone.out.contains("warning: This request may cost up to $0.0010"));
}

void TestProfileCommands::insecureFileStoreIsOptInAndWarns()
{
    writeConfig(R"(, "insecure_key_storage": true)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString data = m_dir->filePath(u"data"_s);
    env.insert(u"XDG_DATA_HOME"_s, data);
    Run r = juxta({u"key"_s, u"set"_s, u"or"_s, u"--config"_s, configPath()}, "sk-juxta-TESTKEY-insecure\n", env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("warning: keys are kept in an unencrypted file"));
    QVERIFY(QFile::exists(data + u"/juxta/insecure-keys.json"_s));
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s));
    r = juxta({u"key"_s, u"test"_s, u"or"_s, u"--config"_s, configPath()}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().last().header("authorization"), QByteArray("Bearer sk-juxta-TESTKEY-insecure"));
    QCOMPARE(juxta({u"key"_s, u"delete"_s, u"or"_s, u"--config"_s, configPath()}, {}, env).exitCode, 0);
    QFile file(data + u"/juxta/insecure-keys.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("TESTKEY"));
}

void TestProfileCommands::budgetCommandSetsLimitsAndShowsSpending()
{
    writeConfig();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s)); // a fresh spending ledger
    env.insert(u"OPENROUTER_KEY_FOR_TEST"_s, u"sk-juxta-TESTKEY-budget-cmd"_s);
    Run r = juxta({u"budget"_s, u"--config"_s, configPath(), u"--per-day"_s, u"0.00018"_s, u"--action"_s,
                   u"block"_s}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("spent today: $0.00"));
    QVERIFY(r.out.contains("per day:     $0.0002"));
    QVERIFY(r.out.contains("when over:   block"));
    // One answer costs $0.000115 (see askResolvesProfileKeyAndPrice) and is recorded…
    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    const QStringList ask{u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"or/openai/gpt-4o-mini"_s,
                          u"--api-key-env"_s, u"OPENROUTER_KEY_FOR_TEST"_s, u"--max-tokens"_s, u"5"_s, u"Hi"_s};
    QCOMPARE(juxta(ask, {}, env).exitCode, 0);
    r = juxta({u"budget"_s, u"--config"_s, configPath()}, {}, env);
    QVERIFY2(r.out.contains("spent today: $0.0001"), r.out.constData());
    // …so the next one, which may cost up to 10 × 2.50 + 5 × 10 per 1M = $0.000075 more, would pass $0.00018.
    r = juxta(ask, {}, env);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("daily limit"));
    QCOMPARE(m_server->requests().size(), 1);
    r = juxta({u"budget"_s, u"--config"_s, configPath(), u"--json"_s}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json()[u"spent_today_usd"_s].toDouble() > 0.0001);
    QCOMPARE(r.json()[u"per_day_usd"_s].toDouble(), 0.00018);
    QVERIFY(r.json()[u"per_request_usd"_s].isNull());
    QCOMPARE(r.json()[u"action"_s].toString(), u"block"_s);
    QCOMPARE(juxta({u"budget"_s, u"--config"_s, configPath(), u"--per-day"_s, u"none"_s}, {}, env).exitCode, 0);
    QCOMPARE(juxta({u"budget"_s, u"--config"_s, configPath(), u"--per-day"_s, u"lots"_s}, {}, env).exitCode, 2);
}

void TestProfileCommands::unknownProfileIsBadUsage()
{
    writeConfig();
    const Run r = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"nosuch/model"_s, u"Hi"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("no profile \"nosuch\""));
    QVERIFY(r.err.contains("or, mine"));
    // A preset with no key anywhere says how to provide one.
    const Run noKey = juxta({u"ask"_s, u"--config"_s, configPath(), u"--model"_s, u"openai/gpt-4o"_s, u"Hi"_s});
    QCOMPARE(noKey.exitCode, 2);
    QVERIFY(noKey.err.contains("juxta key set openai"));
    QVERIFY(noKey.err.contains("OPENAI_API_KEY"));
}

void TestProfileCommands::damagedConfigIsReportedAndKept()
{
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"profiles\": [");
    file.close();
    const Run r = juxta({u"profiles"_s, u"--config"_s, configPath()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("not a valid Juxta configuration"));
    QVERIFY(r.err.contains(".corrupt-"));
    QCOMPARE(QDir(m_dir->path()).entryList({u"config.json.corrupt-*"_s}, QDir::Files).size(), 1);
}

void TestProfileCommands::modelsListsPricesAndUsesTheCache()
{
    writeConfig();
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s));
    Run r = juxta({u"models"_s, u"--config"_s, configPath(), u"--profile"_s, u"or"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QJsonArray list = r.array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0][u"ref"_s].toString(), u"or/anthropic/claude-sonnet-4"_s);
    QCOMPARE(list[0][u"context_window"_s].toInt(), 1'000'000);
    QCOMPARE(list[0][u"price_per_million"_s][u"input"_s].toDouble(), 3.0);
    QCOMPARE(list[0][u"price_per_million"_s][u"source"_s].toString(), u"openrouter"_s);
    QVERIFY(list[1][u"price_per_million"_s].isNull()); // the auto router: unknown, not free

    r = juxta({u"models"_s, u"--config"_s, configPath(), u"--profile"_s, u"or"_s}); // from the cache
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(r.out.contains("or/anthropic/claude-sonnet-4"));
    QVERIFY(r.out.contains("$3.00 / $15.00 per 1M"));
    QVERIFY(r.out.contains("price unknown"));

    r = juxta({u"models"_s, u"--config"_s, configPath()}); // every profile: "mine" has no list and no bundled models
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("or/mistralai/mistral-large"));
}

QTEST_GUILESS_MAIN(TestProfileCommands)
#include "TestProfileCommands.moc"
