// SPDX-License-Identifier: GPL-3.0-or-later
// When Juxta opens on its welcome page: no key in the environment or the key store, no configured server that
// answers (offline providers do not count); local servers that answer but are not configured are offered. Real
// loopback HTTP for the servers, an in-memory key store. And the ready-made offline demo's setup and profiles.
#include "FakeProviderServer.h"
#include "keys/KeyResolver.h"
#include "keys/SecretStore.h"
#include "onboarding/FirstRunCheck.h"
#include "onboarding/OfflineDemo.h"
#include "offline/OfflineNetwork.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

// Answers like a keychain: later, never from inside the call.
class MemorySecretStore final : public SecretStore
{
public:
    QHash<QString, QString> entries;
    QString description() const override { return u"memory"_s; }
    void read(const QString& entry, Handler done) override
    {
        QTimer::singleShot(5, this, [this, entry, done] {
            SecretResult r;
            if (entries.contains(entry))
                r.key = ApiKey::fromSecret(entries.value(entry));
            else
                r.status = SecretResult::Status::NotFound;
            done(r);
        });
    }
    void write(const QString& entry, const QString& secret, Handler done) override
    {
        entries.insert(entry, secret);
        done({});
    }
    void remove(const QString& entry, Handler done) override
    {
        entries.remove(entry);
        done({});
    }
};

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void nothingConfiguredOffersTheServersFound();
    void aKeyInTheEnvironmentIsEnough();
    void aStoredKeyIsEnough();
    void aConfiguredServerMustAnswer();
    void offlineProfilesDoNotCount();
    void offlineDemoSetup();

private:
    // nullopt when the check never finished (or finished from inside start()).
    std::optional<FirstRunVerdict> check(const AppConfig& config);
    LocalServerDetector::Candidate ollamaCandidate() const { return {u"ollama"_s, m_server->baseUrl(u""_s)}; }
    LocalServerDetector::Candidate deadCandidate() const { return {u"lmstudio"_s, m_deadUrl}; }

    std::unique_ptr<FakeProviderServer> m_server;
    QUrl m_deadUrl;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
};

void TestFirstRun::initTestCase()
{
    // A developer's own keys must not decide these tests.
    for (const ProviderPreset& preset : providerPresets()) {
        for (const QString& variable : preset.keyEnvVars)
            qunsetenv(variable.toLocal8Bit().constData());
    }
    QTcpServer closed; // a port with nothing listening: refused at once
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    m_deadUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort()));
}

void TestFirstRun::init()
{
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    m_server->setResponder([](const RecordedRequest& request) {
        if (request.path == "/api/tags")
            return ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s);
        if (request.path.endsWith("/models"))
            return ScriptedResponse::json(200, R"({"object":"list","data":[{"id":"proxy-model","object":"model"}]})");
        return ScriptedResponse::json(404, R"({"error":{"message":"no"}})");
    });
    m_secrets.entries.clear();
}

std::optional<FirstRunVerdict> TestFirstRun::check(const AppConfig& config)
{
    FirstRunCheck check(config, m_secrets, m_network, {ollamaCandidate(), deadCandidate()});
    QSignalSpy finished(&check, &FirstRunCheck::finished);
    check.start(1000);
    if (!finished.isEmpty() || !finished.wait(5000) || finished.size() != 1)
        return std::nullopt;
    return finished.first().first().value<FirstRunVerdict>();
}

void TestFirstRun::nothingConfiguredOffersTheServersFound()
{
    const auto v = check(AppConfig());
    QVERIFY(v);
    QVERIFY(!v->providerReady);
    QCOMPARE(v->detected.size(), 1); // the Ollama that answers; not the dead port
    QCOMPARE(v->detected.first().profile.presetId, u"ollama"_s);
    QVERIFY(!v->detected.first().models.isEmpty());
}

void TestFirstRun::aKeyInTheEnvironmentIsEnough()
{
    qputenv("GROQ_API_KEY", "gsk-juxta-TESTKEY");
    const QString why = FirstRunCheck::environmentKey(AppConfig()); // no profile needed: presets count
    const auto v = check(AppConfig());
    QVERIFY(v);
    qunsetenv("GROQ_API_KEY");
    QCOMPARE(why, u"GROQ_API_KEY is set"_s);
    QVERIFY(v->providerReady);
    QVERIFY(FirstRunCheck::environmentKey(AppConfig()).isEmpty());
}

void TestFirstRun::aStoredKeyIsEnough()
{
    AppConfig config;
    config.profiles.append(profileFromPreset(*findPreset(u"openai"_s)));
    const auto withoutKey = check(config);
    QVERIFY(withoutKey && !withoutKey->providerReady); // configured, but no key anywhere
    m_secrets.entries.insert(keyEntryName(config.profiles.first()), u"sk-juxta-TESTKEY-stored"_s);
    const auto v = check(config);
    QVERIFY(v);
    QVERIFY(v->providerReady);
    QCOMPARE(v->readyBecause, u"a key for openai is stored"_s);
}

void TestFirstRun::aConfiguredServerMustAnswer()
{
    AppConfig config;
    ProviderProfile proxy = profileFromPreset(*findPreset(u"custom"_s), u"proxy"_s);
    proxy.baseUrl = m_deadUrl;
    config.profiles.append(proxy);
    auto v = check(config);
    QVERIFY(v);
    QVERIFY(!v->providerReady); // configured, not running
    config.profiles.first().baseUrl = m_server->baseUrl();
    v = check(config);
    QVERIFY(v);
    QVERIFY(v->providerReady);
    QCOMPARE(v->readyBecause, u"proxy answers"_s);

    // A configured Ollama counts as ready and is not offered again.
    AppConfig withOllama;
    ProviderProfile ollama = profileFromPreset(*findPreset(u"ollama"_s));
    ollama.baseUrl = m_server->baseUrl(u""_s);
    withOllama.profiles.append(ollama);
    v = check(withOllama);
    QVERIFY(v);
    QVERIFY(v->providerReady);
    QVERIFY(v->detected.isEmpty());
}

void TestFirstRun::offlineProfilesDoNotCount()
{
    AppConfig config;
    config.profiles.append(profileFromPreset(*findPreset(u"echo"_s)));
    config.profiles.append(profileFromPreset(*findPreset(u"scripted"_s)));
    QVERIFY(FirstRunCheck::realProfiles(config).isEmpty());
    const auto offline = check(config);
    QVERIFY(offline && !offline->providerReady);
}

void TestFirstRun::offlineDemoSetup()
{
    OfflineDemo demo = offlineDemo(AppConfig());
    QCOMPARE(demo.profilesToAdd.size(), 2);
    QCOMPARE(demo.profilesToAdd.at(0).id, u"echo"_s);
    QCOMPARE(demo.profilesToAdd.at(1).id, u"scripted"_s);
    QCOMPARE(demo.setup.columns.size(), 3);
    QCOMPARE(demo.setup.columns.at(0).overrides.model, u"scripted/swift"_s);
    QCOMPARE(demo.setup.columns.at(1).overrides.model, u"scripted/steady"_s);
    QCOMPARE(demo.setup.columns.at(2).overrides.model, u"scripted/flaky"_s);
    QCOMPARE(demo.setup.columns.at(2).overrides.fallbacks, QStringList{u"scripted/slow"_s});
    QVERIFY(isOfflineUrl(QUrl(findPreset(u"scripted"_s)->baseUrl)));
    QVERIFY(!demo.prompt.isEmpty());

    // Profiles already there are reused; a taken id that is not the demo's gets a fresh one.
    AppConfig config;
    config.profiles.append(profileFromPreset(*findPreset(u"echo"_s), u"my-echo"_s));
    ProviderProfile other = profileFromPreset(*findPreset(u"custom"_s), u"scripted"_s);
    other.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    config.profiles.append(other);
    demo = offlineDemo(config);
    QCOMPARE(demo.profilesToAdd.size(), 1);
    QCOMPARE(demo.profilesToAdd.first().id, u"scripted-2"_s);
    QCOMPARE(demo.setup.columns.first().overrides.model, u"scripted-2/swift"_s);
}

QTEST_GUILESS_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
