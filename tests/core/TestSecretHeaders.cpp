// SPDX-License-Identifier: GPL-3.0-or-later
// Credential headers (LiteLLM's x-litellm-api-key, Cloudflare's cf-aig-authorization, …) in the real Secret Service
// of the test session: found by name, moved out of the config file into the keychain on load, sent with every
// request, never in a profile export or an error text; kept in the file when the keychain cannot take them.
#include "FakeProviderServer.h"
#include "ProviderHarness.h"
#include "config/ConfigStore.h"
#include "keys/KeyResolver.h"
#include "keys/SecretHeaders.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

const QByteArray kConfig = R"({
  "version": 1,
  "profiles": [
    {
      "id": "gateway", "name": "Gateway", "preset": "custom", "api": "openai", "auth": "none",
      "base_url": "BASE",
      "headers": {"X-Title": "Juxta", "x-litellm-api-key": "sk-litellm-VALUE-123456", "cf-aig-authorization": "Bearer cfTOKEN-987654321"}
    }
  ]
})";

// A store whose writes always fail, as a locked or absent keychain does.
class RefusingStore final : public SecretStore
{
public:
    QString description() const override { return u"refusing store"_s; }
    void read(const QString&, Handler done) override { done({SecretResult::Status::NotFound, {}, {}}); }
    void write(const QString&, const QString&, Handler done) override
    {
        done({SecretResult::Status::Unavailable, {}, u"The keychain is locked"_s});
    }
    void remove(const QString&, Handler done) override { done({}); }
};

QByteArray fileText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList moveNow(ConfigStore& config, SecretStore& store)
{
    QStringList out;
    bool done = false;
    moveSecretHeaders(config, store, [&](const QStringList& problems) {
        out = problems;
        done = true;
    });
    for (int waited = 0; !done && waited < 20'000; waited += 10)
        QTest::qWait(10);
    return out;
}

} // namespace

class TestSecretHeaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void credentialHeadersAreFoundByName();
    void headersMoveIntoTheKeychainAndTravelWithEveryRequest();
    void aKeychainThatRefusesLosesNothing();
    void headerValuesAreRedactedFromErrors();

private:
    QString writeConfig(const QTemporaryDir& dir, const QUrl& base) const;
    bool m_keychainUsable = false;
};

void TestSecretHeaders::initTestCase()
{
    qputenv("JUXTA_KEYCHAIN_SERVICE", "org.juxta.Juxta.test-secret-headers");
    KeychainSecretStore probe;
    const SecretResult r = waitFor([&](SecretStore::Handler done) { probe.read(u"probe"_s, done); });
    m_keychainUsable = r.status != SecretResult::Status::Unavailable;
    if (!m_keychainUsable && qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
        QFAIL(qPrintable(u"no usable Secret Service: "_s + r.message));
}

QString TestSecretHeaders::writeConfig(const QTemporaryDir& dir, const QUrl& base) const
{
    const QString path = dir.filePath(u"config.json"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray(kConfig).replace("BASE", base.toString().toUtf8()));
    return path;
}

void TestSecretHeaders::credentialHeadersAreFoundByName()
{
    for (const char* secret : {"x-litellm-api-key", "cf-aig-authorization", "x-portkey-virtual-key", "Authorization",
                               "Proxy-Authorization", "api-key", "Cookie", "X-Session-Token", "x-client-secret"})
        QVERIFY2(isSecretHeader(secret), secret);
    // By the letters, as documented: "x-portkey-provider" has "key" in it and is kept in the keychain too.
    QVERIFY(isSecretHeader("x-portkey-provider"));
    for (const char* plain : {"HTTP-Referer", "X-Title", "anthropic-version", "OpenAI-Organization", "anthropic-beta"})
        QVERIFY2(!isSecretHeader(plain), plain);
}

void TestSecretHeaders::headersMoveIntoTheKeychainAndTravelWithEveryRequest()
{
    if (!m_keychainUsable)
        QSKIP("no Secret Service in this session");
    FakeProviderServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    ConfigStore config(writeConfig(dir, server.baseUrl()));
    QVERIFY(config.load().ok);
    const ProviderProfile* p = config.config().profile(u"gateway"_s);
    QVERIFY(p);
    QCOMPARE(p->extraHeaders.size(), 1); // X-Title only
    QList<QByteArray> names = p->secretHeaders;
    std::sort(names.begin(), names.end());
    QCOMPARE(names, (QList<QByteArray>{"cf-aig-authorization", "x-litellm-api-key"}));

    KeychainSecretStore keychain;
    QCOMPARE(moveNow(config, keychain), QStringList());
    const QByteArray text = fileText(config.path());
    QVERIFY2(!text.contains("VALUE-123456") && !text.contains("cfTOKEN"), text.constData());
    QVERIFY(text.contains("\"secret_headers\""));
    QVERIFY(text.contains("X-Title"));
    QVERIFY(!exportProfiles(config.config().profiles).contains("VALUE-123456"));

    // A fresh start reads the file without values and the keychain supplies them to the request.
    ConfigStore again(config.path());
    QVERIFY(again.load().ok);
    QVERIFY(again.config().secretHeadersToMove.isEmpty());
    ResolvedKey resolved;
    bool done = false;
    resolveKey(keychain, *again.config().profile(u"gateway"_s), {}, [&](const ResolvedKey& r) {
        resolved = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20'000);
    QVERIFY2(resolved.problem.isEmpty(), qPrintable(resolved.problem));
    QCOMPARE(resolved.key.secretHeaders().size(), 2);

    server.enqueue(ScriptedResponse::fromFixture(u"openai/stream_basic.http"_s));
    QNetworkAccessManager network;
    const CallOutcome outcome = runChat(network, *again.config().profile(u"gateway"_s),
                                        ProviderHarness::simpleRequest(u"m"_s), {}, resolved.key);
    QVERIFY(outcome.complete);
    const RecordedRequest& sent = server.requests().constFirst();
    QCOMPARE(sent.header("x-litellm-api-key"), QByteArray("sk-litellm-VALUE-123456"));
    QCOMPARE(sent.header("cf-aig-authorization"), QByteArray("Bearer cfTOKEN-987654321"));
    QCOMPARE(sent.header("X-Title"), QByteArray("Juxta"));

    const SecretResult removed = waitFor([&](SecretStore::Handler d) {
        keychain.remove(secretHeadersEntryName(*again.config().profile(u"gateway"_s)), d);
    });
    QCOMPARE(removed.status, SecretResult::Status::Ok);
}

void TestSecretHeaders::aKeychainThatRefusesLosesNothing()
{
    QTemporaryDir dir;
    ConfigStore config(writeConfig(dir, QUrl(u"http://127.0.0.1:9/v1"_s)));
    QVERIFY(config.load().ok);
    RefusingStore refusing;
    const QStringList problems = moveNow(config, refusing);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(u"locked"_s), qPrintable(problems.constFirst()));
    // Saving for any other reason writes the values back where they were.
    QString error;
    QVERIFY(config.update([](AppConfig& c) { c.favouriteModels.append(u"gateway/m"_s); }, &error));
    const QByteArray text = fileText(config.path());
    QVERIFY(text.contains("sk-litellm-VALUE-123456"));
    QVERIFY(text.contains("Bearer cfTOKEN-987654321"));
}

void TestSecretHeaders::headerValuesAreRedactedFromErrors()
{
    const ApiKey key = ApiKey().withHeaders({{"cf-aig-authorization", "Bearer cfTOKEN-987654321"}});
    const QString redacted = key.redact(u"401: token cfTOKEN-987654321 is not valid"_s);
    QVERIFY2(!redacted.contains(u"cfTOKEN"_s), qPrintable(redacted));
}

QTEST_GUILESS_MAIN(TestSecretHeaders)
#include "TestSecretHeaders.moc"
