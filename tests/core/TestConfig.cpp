// SPDX-License-Identifier: GPL-3.0-or-later
// The config file: round trip, atomic owner-only writes, corruption reported and backed up (never silently
// reset), a newer version left alone, profile validation, transport policy, import/export without keys.
#include "catalog/ModelRef.h"
#include "config/ConfigStore.h"
#include "config/ProviderPresets.h"
#include "config/TransportPolicy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

AppConfig sampleConfig()
{
    AppConfig c;
    ProviderProfile openRouter = profileFromPreset(*findPreset(u"openrouter"_s));
    c.profiles.append(openRouter);
    ProviderProfile lan = profileFromPreset(*findPreset(u"ollama"_s), u"gpu-box"_s);
    lan.baseUrl = QUrl(u"http://192.168.1.20:11434"_s);
    c.profiles.append(lan);
    ProviderProfile azure = profileFromPreset(*findPreset(u"azure"_s));
    azure.baseUrl = QUrl(u"https://acme.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
    c.profiles.append(azure);
    c.priceOverrides.insert(u"gpu-box/llama3"_s, *ModelPrice::fromJson(R"({"input": 0.01, "output": 0.02})"));
    c.budget.perDayUsd = 5;
    c.budget.action = BudgetLimits::Action::Block;
    c.favouriteModels = {u"openrouter/anthropic/claude-sonnet-4"_s};
    c.noteRecentModel(u"gpu-box/llama3"_s);
    return c;
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEveryField();
    void missingFileIsAnEmptyConfig();
    void savesAtomicallyWithOwnerOnlyPermissions();
    void corruptFileIsReportedAndBackedUp_data();
    void corruptFileIsReportedAndBackedUp();
    void updateRereadsWhatOthersChanged();
    void newerVersionIsLeftAlone();
    void profilesAreValidated_data();
    void profilesAreValidated();
    void transportPolicy_data();
    void transportPolicy();
    void exportCarriesNoKeysAndImportDropsThem();
    void presetsAreComplete();
    void modelReferences_data();
    void modelReferences();
    void recentModelsKeepTen();
};

void TestConfig::roundTripsEveryField()
{
    const AppConfig c = sampleConfig();
    QString error;
    const auto back = configFromJson(configToJson(c), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->profiles.size(), 3);
    const ProviderProfile& azure = back->profiles[2];
    QCOMPARE(azure.auth, AuthStyle::Header);
    QCOMPARE(azure.authHeader, QByteArray("api-key"));
    QCOMPARE(azure.keyEnvVar, u"AZURE_OPENAI_API_KEY"_s);
    QCOMPARE(azure.baseUrl, c.profiles[2].baseUrl);
    QCOMPARE(back->profiles[0].extraHeaders, c.profiles[0].extraHeaders);
    QCOMPARE(back->profiles[1].dialect, ApiDialect::Ollama);
    QCOMPARE(back->profiles[1].presetId, u"ollama"_s);
    QCOMPARE(back->priceOverrides, c.priceOverrides);
    QCOMPARE(back->budget.perDayUsd, std::optional<double>(5));
    QCOMPARE(back->budget.action, BudgetLimits::Action::Block);
    QCOMPARE(back->favouriteModels, c.favouriteModels);
    QCOMPARE(back->recentModels, c.recentModels);
}

void TestConfig::missingFileIsAnEmptyConfig()
{
    QTemporaryDir dir;
    ConfigStore store(dir.filePath(u"juxta/config.json"_s));
    const auto report = store.load();
    QVERIFY(report.ok);
    QVERIFY(store.config().profiles.isEmpty());
    QVERIFY(!store.isReadOnly());
}

void TestConfig::savesAtomicallyWithOwnerOnlyPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"juxta/config.json"_s);
    ConfigStore store(path);
    store.load();
    store.config() = sampleConfig();
    QString error;
    QVERIFY2(store.save(&error), qPrintable(error));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QCOMPARE(QDir(dir.filePath(u"juxta"_s)).entryList(QDir::Files), QStringList{u"config.json"_s}); // no temp left
    ConfigStore again(path);
    QVERIFY(again.load().ok);
    QCOMPARE(again.config().profiles.size(), 3);
}

void TestConfig::corruptFileIsReportedAndBackedUp_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("profilesKept"); // -1: the file is unusable as a whole
    QTest::newRow("truncated") << configToJson(sampleConfig()).left(120) << -1;
    QTest::newRow("not json") << QByteArray("profiles = [openai]\n") << -1;
    QTest::newRow("no version") << QByteArray(R"({"profiles": []})") << -1;
    QTest::newRow("profiles not an array") << QByteArray(R"({"version": 1, "profiles": {}})") << -1;
    QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01garbage", 11) << -1;
    // One bad entry costs only that entry.
    QTest::newRow("bad profile id") << QByteArray(
        R"({"version": 1, "profiles": [{"id": "Open AI", "base_url": "https://x"}, {"id": "ok", "base_url": "https://y"}]})")
                                    << 1;
    QTest::newRow("duplicate id") << QByteArray(
        R"({"version": 1, "profiles": [{"id": "a", "base_url": "https://x"}, {"id": "a", "base_url": "https://y"}]})")
                                  << 1;
    QTest::newRow("negative price") << QByteArray(
        R"({"version": 1, "profiles": [{"id": "a", "base_url": "https://x"}], "price_overrides": {"a/b": {"input": -1, "output": 1}}})")
                                    << 1;
}

void TestConfig::corruptFileIsReportedAndBackedUp()
{
    QFETCH(QByteArray, content);
    QFETCH(int, profilesKept);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.json"_s);
    writeFile(path, content);
    ConfigStore store(path);
    const auto report = store.load();
    QVERIFY(!report.ok);
    QVERIFY(report.error.contains(path));
    QVERIFY(!report.backupPath.isEmpty());
    QCOMPARE(readFile(report.backupPath), content); // the user's bytes are safe
    QCOMPARE(readFile(path), content);              // and nothing was reset behind their back
    if (profilesKept < 0) {
        // Unusable as a whole: read-only until the user fixes the file or starts fresh.
        QVERIFY(store.isReadOnly());
        QVERIFY(!store.save());
        QCOMPARE(readFile(path), content);
        store.startFresh();
        QVERIFY(store.save());
    } else {
        QVERIFY(!store.isReadOnly());
        QCOMPARE(store.config().profiles.size(), profilesKept);
        QVERIFY(store.config().priceOverrides.isEmpty());
        QVERIFY(store.save()); // the bad entry stays only in the backup
    }
    ConfigStore again(path);
    QVERIFY(again.load().ok);
    QCOMPARE(again.config().profiles.size(), std::max(profilesKept, 0));
    QCOMPARE(readFile(report.backupPath), content);
}

void TestConfig::updateRereadsWhatOthersChanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.json"_s);
    ConfigStore window(path); // a long-running GUI
    window.load();
    QVERIFY(window.update([](AppConfig& c) { c.favouriteModels = {u"openai/gpt-4o"_s}; }));
    QTest::qWait(20); // a distinct modification time
    ConfigStore commandLine(path); // `juxta profiles --add groq` meanwhile
    commandLine.load();
    commandLine.config().profiles.append(profileFromPreset(*findPreset(u"groq"_s)));
    QVERIFY(commandLine.save());
    QVERIFY(window.update([](AppConfig& c) { c.recentModels = {u"groq/llama"_s}; }));
    ConfigStore check(path);
    QVERIFY(check.load().ok);
    QCOMPARE(check.config().profiles.size(), 1); // the other process's profile survived
    QCOMPARE(check.config().favouriteModels, QStringList{u"openai/gpt-4o"_s});
    QCOMPARE(check.config().recentModels, QStringList{u"groq/llama"_s});
}

void TestConfig::newerVersionIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.json"_s);
    const QByteArray future = R"({"version": 99, "profiles": [], "holograms": true})";
    writeFile(path, future);
    ConfigStore store(path);
    const auto report = store.load();
    QVERIFY(!report.ok);
    QVERIFY(report.error.contains(u"newer"_s));
    QVERIFY(store.isReadOnly());
    QString error;
    QVERIFY(!store.save(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readFile(path), future);
}

void TestConfig::profilesAreValidated_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("insecureOk");
    QTest::addColumn<QString>("expectedError"); // empty: valid

    QTest::newRow("https") << u"openai"_s << u"https://api.openai.com/v1"_s << QByteArray() << false << QString();
    QTest::newRow("loopback http") << u"local"_s << u"http://127.0.0.1:8080/v1"_s << QByteArray() << false << QString();
    QTest::newRow("lan http") << u"lan"_s << u"http://10.1.2.3:8000/v1"_s << QByteArray() << false << QString();
    QTest::newRow("public http") << u"pub"_s << u"http://api.example.com/v1"_s << QByteArray() << false
                                 << u"plain http://"_s;
    QTest::newRow("public http confirmed") << u"pub"_s << u"http://api.example.com/v1"_s << QByteArray() << true
                                           << QString();
    QTest::newRow("uppercase id") << u"OpenAI"_s << u"https://api.openai.com/v1"_s << QByteArray() << false
                                  << u"lower-case"_s;
    QTest::newRow("slash in id") << u"a/b"_s << u"https://api.openai.com/v1"_s << QByteArray() << false
                                 << u"lower-case"_s;
    QTest::newRow("credentials in url") << u"x"_s << u"https://me:pw@api.openai.com/v1"_s << QByteArray() << false
                                        << u"password"_s;
    QTest::newRow("placeholder") << u"azure"_s << findPreset(u"azure"_s)->baseUrl << QByteArray() << false
                                 << u"placeholders"_s;
    QTest::newRow("ftp") << u"x"_s << u"ftp://example.com"_s << QByteArray() << false << u"http"_s;
    QTest::newRow("secret header") << u"x"_s << u"https://example.com/v1"_s << QByteArray("X-Api-Key") << false
                                   << u"keychain"_s;
    QTest::newRow("harmless header") << u"x"_s << u"https://example.com/v1"_s << QByteArray("HTTP-Referer") << false
                                     << QString();
}

void TestConfig::profilesAreValidated()
{
    QFETCH(QString, id);
    QFETCH(QString, url);
    QFETCH(QByteArray, header);
    QFETCH(bool, insecureOk);
    QFETCH(QString, expectedError);
    ProviderProfile p;
    p.id = id;
    p.baseUrl = QUrl(url);
    p.allowInsecureHttp = insecureOk;
    if (!header.isEmpty())
        p.extraHeaders.append({header, "value"});
    const QString error = validateProfile(p);
    if (expectedError.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(expectedError), qPrintable(error));
}

void TestConfig::transportPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<int>("verdict");
    const int ok = int(UrlVerdict::Ok);
    const int confirm = int(UrlVerdict::NeedsInsecureConfirmation);
    const int invalid = int(UrlVerdict::Invalid);
    QTest::newRow("https public") << u"https://api.groq.com/openai/v1"_s << false << ok;
    QTest::newRow("http localhost") << u"http://localhost:11434"_s << false << ok;
    QTest::newRow("http ::1") << u"http://[::1]:1234/v1"_s << false << ok;
    QTest::newRow("http 172.20") << u"http://172.20.0.5:4000/v1"_s << false << ok;
    QTest::newRow("http 172.32 is public") << u"http://172.32.0.5:4000/v1"_s << false << confirm;
    QTest::newRow("http 192.168") << u"http://192.168.0.9:8080/v1"_s << false << ok;
    QTest::newRow("http fd00::") << u"http://[fd12::1]:8000/v1"_s << false << ok;
    QTest::newRow("http .local") << u"http://studio.local:1234/v1"_s << false << ok;
    QTest::newRow("http public") << u"http://llm.example.com/v1"_s << false << confirm;
    QTest::newRow("http public confirmed") << u"http://llm.example.com/v1"_s << true << ok;
    QTest::newRow("http lookalike") << u"http://127.0.0.1.evil.com/v1"_s << false << confirm;
    QTest::newRow("no host") << u"https:///v1"_s << false << invalid;
}

void TestConfig::transportPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, confirmed);
    QFETCH(int, verdict);
    const UrlCheck check = checkBaseUrl(QUrl(url), confirmed);
    QCOMPARE(int(check.verdict), verdict);
    QCOMPARE(check.message.isEmpty(), verdict == int(UrlVerdict::Ok));
}

void TestConfig::exportCarriesNoKeysAndImportDropsThem()
{
    const QByteArray exported = exportProfiles(sampleConfig().profiles);
    QStringList warnings;
    QString error;
    const auto imported = importProfiles(exported, &error, &warnings);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(imported->size(), 3);
    QVERIFY(warnings.isEmpty());
    QVERIFY(!exported.contains("api_key"));
    // A file never picks environment variables; away from its preset's own host a profile becomes custom.
    QVERIFY(imported->at(0).keyEnvVar.isEmpty());
    QCOMPARE(imported->at(0).presetId, u"openrouter"_s);
    QCOMPARE(imported->at(2).presetId, u"custom"_s); // acme.openai.azure.com is not the preset's host
    QCOMPARE(imported->at(1).presetId, u"custom"_s); // neither is 192.168.1.20 for the Ollama preset

    const QByteArray foreign = R"({"profiles": [{"id": "shared", "base_url": "http://api.example.com/v1",
        "key_env": "AWS_SECRET_ACCESS_KEY", "allow_insecure_http": true,
        "api_key": "sk-juxta-TESTKEY-import", "headers": {"Authorization": "Bearer sk-juxta-TESTKEY-import",
        "X-Title": "Team"}}]})";
    const auto fromColleague = importProfiles(foreign, &error, &warnings);
    QVERIFY2(fromColleague, qPrintable(error));
    QCOMPARE(warnings.size(), 4);
    QVERIFY(fromColleague->first().keyEnvVar.isEmpty());
    QVERIFY(!fromColleague->first().allowInsecureHttp);
    QCOMPARE(fromColleague->first().extraHeaders.size(), 1);
    QCOMPARE(fromColleague->first().extraHeaders.first().first, QByteArray("X-Title"));
    AppConfig c;
    c.profiles = *fromColleague;
    QVERIFY(!configToJson(c).contains("TESTKEY"));

    QVERIFY(!importProfiles("[]", &error, &warnings));
    QVERIFY(error.contains(u"profiles"_s));
}

void TestConfig::presetsAreComplete()
{
    const QStringList required = {u"openai"_s, u"anthropic"_s, u"gemini"_s, u"gemini-openai"_s, u"deepseek"_s,
                                  u"mistral"_s, u"qwen"_s, u"xai"_s, u"groq"_s, u"together"_s, u"fireworks"_s,
                                  u"openrouter"_s, u"azure"_s, u"litellm"_s, u"portkey"_s, u"ollama"_s,
                                  u"lmstudio"_s, u"llamacpp"_s, u"vllm"_s, u"custom"_s};
    for (const QString& id : required) {
        const ProviderPreset* p = findPreset(id);
        QVERIFY2(p, qPrintable(id));
        const ProviderProfile profile = profileFromPreset(*p);
        QVERIFY(isValidProfileId(profile.id));
        if (id != u"custom"_s && id != u"azure"_s)
            QVERIFY2(validateProfile(profile).isEmpty(), qPrintable(validateProfile(profile)));
        QCOMPARE(p->localPort > 0, id == u"ollama"_s || id == u"lmstudio"_s || id == u"llamacpp"_s);
        if (p->needsKey)
            QVERIFY2(profile.baseUrl.scheme() == u"https"_s, qPrintable(id));
    }
    QCOMPARE(findPreset(u"azure"_s)->authHeader, QByteArray("api-key"));
    QCOMPARE(findPreset(u"anthropic"_s)->dialect, ApiDialect::Anthropic);
    QCOMPARE(findPreset(u"gemini"_s)->dialect, ApiDialect::Gemini);
    QCOMPARE(findPreset(u"ollama"_s)->dialect, ApiDialect::Ollama);
}

void TestConfig::modelReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("model");
    QTest::newRow("simple") << u"openai/gpt-4o"_s << u"openai"_s << u"gpt-4o"_s;
    QTest::newRow("openrouter") << u"openrouter/anthropic/claude-sonnet-4"_s << u"openrouter"_s
                                << u"anthropic/claude-sonnet-4"_s;
    QTest::newRow("ollama tag") << u"ollama/llama3.1:8b"_s << u"ollama"_s << u"llama3.1:8b"_s;
    QTest::newRow("fireworks path") << u"fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct"_s
                                    << u"fireworks"_s << u"accounts/fireworks/models/llama-v3p1-8b-instruct"_s;
    QTest::newRow("no profile") << u"gpt-4o"_s << QString() << QString();
    QTest::newRow("empty model") << u"openai/"_s << QString() << QString();
    QTest::newRow("empty profile") << u"/gpt-4o"_s << QString() << QString();
}

void TestConfig::modelReferences()
{
    QFETCH(QString, text);
    QFETCH(QString, profile);
    QFETCH(QString, model);
    const auto ref = ModelRef::parse(text);
    QCOMPARE(ref.has_value(), !profile.isEmpty());
    if (ref) {
        QCOMPARE(ref->profileId, profile);
        QCOMPARE(ref->modelId, model);
        QCOMPARE(ref->toString(), text);
    }
}

void TestConfig::recentModelsKeepTen()
{
    AppConfig c;
    for (int i = 0; i < 15; ++i)
        c.noteRecentModel(u"p/m%1"_s.arg(i));
    c.noteRecentModel(u"p/m10"_s);
    QCOMPARE(c.recentModels.size(), 10);
    QCOMPARE(c.recentModels.first(), u"p/m10"_s);
    QCOMPARE(c.recentModels.count(u"p/m10"_s), 1);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "TestConfig.moc"
