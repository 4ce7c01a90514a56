// SPDX-License-Identifier: GPL-3.0-or-later
// Keys through the real Secret Service of the test session (gnome-keyring), the opt-in file store, and the
// order in which a profile's key is found.
#include "config/ProviderPresets.h"
#include "keys/KeyChangeSet.h"
#include "keys/KeyResolver.h"
#include "keys/SecretHeaders.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

// An ApiKey only leaves as a header value; that is how the tests look at it.
QByteArray secretOf(const ApiKey& key)
{
    return key.headerValue();
}

ResolvedKey resolveNow(SecretStore& store, const ProviderProfile& profile, const QString& explicitVar = {})
{
    ResolvedKey out;
    SecretResult ignored = waitFor([&](SecretStore::Handler done) {
        resolveKey(store, profile, explicitVar, [&, done](const ResolvedKey& r) {
            out = r;
            done({});
        });
    });
    Q_UNUSED(ignored);
    return out;
}

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keychainRoundTrip();
    void fileStoreRoundTripIsOwnerOnly();
    void environmentComesFirst();
    void presetVariablesOnlyForThePresetsHost();
    void explicitVariableMustBeSet();
    void keyChangesFollowTheBaseline();

private:
    bool m_keychainUsable = false;
};

void TestKeys::initTestCase()
{
    qputenv("JUXTA_KEYCHAIN_SERVICE", "org.juxta.Juxta.test-keys"); // never a developer's real entries
    KeychainSecretStore probe;
    const SecretResult r = waitFor([&](SecretStore::Handler done) { probe.read(u"probe"_s, done); });
    m_keychainUsable = r.status != SecretResult::Status::Unavailable;
    qInfo("keychain probe: %d %s", int(r.status), qPrintable(r.message));
    if (!m_keychainUsable && qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
        QFAIL(qPrintable(u"no usable Secret Service: "_s + r.message));
}

void TestKeys::keychainRoundTrip()
{
    if (!m_keychainUsable)
        QSKIP("no Secret Service in this session");
    KeychainSecretStore store;
    ProviderProfile p;
    p.id = u"roundtrip-%1"_s.arg(QCoreApplication::applicationPid());
    p.presetId = u"custom"_s;
    p.baseUrl = QUrl(u"https://llm.example.com/v1"_s);
    const QString profile = keyEntryName(p);
    QCOMPARE(profile, p.id + u"@https://llm.example.com:443"_s);
    SecretResult r = waitFor([&](SecretStore::Handler done) { store.write(profile, u" sk-juxta-TESTKEY-one\n"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    r = waitFor([&](SecretStore::Handler done) { store.read(profile, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    QCOMPARE(secretOf(r.key), QByteArray("sk-juxta-TESTKEY-one")); // trimmed on the way in

    r = waitFor([&](SecretStore::Handler done) { store.write(profile, u"sk-juxta-TESTKEY-two"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    const ResolvedKey resolved = resolveNow(store, p);
    QCOMPARE(secretOf(resolved.key), QByteArray("sk-juxta-TESTKEY-two"));
    QCOMPARE(resolved.source, u"system keychain"_s);

    // The same id pointed at another server finds no key: a key only goes where it was stored for.
    ProviderProfile moved = p;
    moved.baseUrl = QUrl(u"https://elsewhere.example/v1"_s);
    QVERIFY(resolveNow(store, moved).key.isEmpty());

    r = waitFor([&](SecretStore::Handler done) { store.remove(profile, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    r = waitFor([&](SecretStore::Handler done) { store.read(profile, done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY(resolveNow(store, p).key.isEmpty());
    r = waitFor([&](SecretStore::Handler done) { store.remove(profile, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok); // removing what is not there succeeds
}

void TestKeys::fileStoreRoundTripIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"juxta/insecure-keys.json"_s);
    InsecureFileSecretStore store(path);
    QVERIFY(store.description().contains(u"unencrypted"_s));
    SecretResult r = waitFor([&](SecretStore::Handler done) { store.write(u"a"_s, u"sk-juxta-TESTKEY-file"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    r = waitFor([&](SecretStore::Handler done) { store.read(u"a"_s, done); });
    QCOMPARE(secretOf(r.key), QByteArray("sk-juxta-TESTKEY-file"));
    r = waitFor([&](SecretStore::Handler done) { store.read(u"b"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    r = waitFor([&](SecretStore::Handler done) { store.remove(u"a"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    r = waitFor([&](SecretStore::Handler done) { store.remove(u"a"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Ok);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("TESTKEY"));
    file.close();
    // A damaged file is never overwritten: that would lose every other key in it.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"other\": \"sk-juxta-TESTKEY-keep\", trunc");
    file.close();
    r = waitFor([&](SecretStore::Handler done) { store.write(u"a"_s, u"sk-juxta-TESTKEY-new"_s, done); });
    QCOMPARE(r.status, SecretResult::Status::Failed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("TESTKEY-keep"));
    file.close();
    QFile::remove(path);
}

void TestKeys::environmentComesFirst()
{
    QTemporaryDir dir;
    InsecureFileSecretStore store(dir.filePath(u"keys.json"_s));
    ProviderProfile p = profileFromPreset(*findPreset(u"openai"_s));
    waitFor([&](SecretStore::Handler done) { store.write(keyEntryName(p), u"sk-juxta-TESTKEY-stored"_s, done); });
    p.keyEnvVar = u"JUXTA_TEST_PROFILE_KEY"_s;
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("JUXTA_TEST_PROFILE_KEY");
    QCOMPARE(secretOf(resolveNow(store, p).key), QByteArray("sk-juxta-TESTKEY-stored"));
    qputenv("OPENAI_API_KEY", "sk-juxta-TESTKEY-preset-env");
    QCOMPARE(secretOf(resolveNow(store, p).key), QByteArray("sk-juxta-TESTKEY-preset-env"));
    qputenv("JUXTA_TEST_PROFILE_KEY", "sk-juxta-TESTKEY-profile-env");
    const ResolvedKey r = resolveNow(store, p);
    QCOMPARE(secretOf(r.key), QByteArray("sk-juxta-TESTKEY-profile-env"));
    QCOMPARE(r.source, u"environment variable JUXTA_TEST_PROFILE_KEY"_s);
    qunsetenv("OPENAI_API_KEY");
    qunsetenv("JUXTA_TEST_PROFILE_KEY");
}

void TestKeys::presetVariablesOnlyForThePresetsHost()
{
    ProviderProfile p = profileFromPreset(*findPreset(u"openai"_s));
    QCOMPARE(keyEnvironmentVariables(p), QStringList{u"OPENAI_API_KEY"_s});
    p.baseUrl = QUrl(u"https://proxy.example.com/v1"_s); // an OpenAI-preset profile pointed elsewhere
    QVERIFY(keyEnvironmentVariables(p).isEmpty());
    p.keyEnvVar = u"PROXY_KEY"_s; // a variable the user named applies anywhere
    QCOMPARE(keyEnvironmentVariables(p), QStringList{u"PROXY_KEY"_s});
    const ProviderProfile gemini = profileFromPreset(*findPreset(u"gemini"_s));
    QCOMPARE(keyEnvironmentVariables(gemini), (QStringList{u"GEMINI_API_KEY"_s, u"GOOGLE_API_KEY"_s}));
    QCOMPARE(keyEnvironmentVariables(gemini, u"MY_KEY"_s), QStringList{u"MY_KEY"_s});
    // A custom profile naming another provider's variable does not get that key (an imported profile, say).
    ProviderProfile custom = profileFromPreset(*findPreset(u"custom"_s), u"x"_s);
    custom.baseUrl = QUrl(u"https://llm.example.com/v1"_s);
    custom.keyEnvVar = u"OPENAI_API_KEY"_s;
    QVERIFY(keyEnvironmentVariables(custom).isEmpty());
    // Azure: any resource of the user's; LiteLLM and vLLM: this machine and the private network.
    ProviderProfile azure = profileFromPreset(*findPreset(u"azure"_s));
    azure.baseUrl = QUrl(u"https://acme.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
    QCOMPARE(keyEnvironmentVariables(azure), QStringList{u"AZURE_OPENAI_API_KEY"_s});
    ProviderProfile litellm = profileFromPreset(*findPreset(u"litellm"_s));
    litellm.baseUrl = QUrl(u"http://10.0.0.8:4000/v1"_s);
    QCOMPARE(keyEnvironmentVariables(litellm), QStringList{u"LITELLM_API_KEY"_s});
    litellm.baseUrl = QUrl(u"https://litellm.example.com/v1"_s);
    QVERIFY(keyEnvironmentVariables(litellm).isEmpty());
}

void TestKeys::explicitVariableMustBeSet()
{
    QTemporaryDir dir;
    InsecureFileSecretStore store(dir.filePath(u"keys.json"_s));
    qunsetenv("JUXTA_UNSET_VARIABLE");
    const ResolvedKey r = resolveNow(store, profileFromPreset(*findPreset(u"openai"_s)), u"JUXTA_UNSET_VARIABLE"_s);
    QVERIFY(r.key.isEmpty());
    QVERIFY(r.problem.contains(u"JUXTA_UNSET_VARIABLE"_s));
}

void TestKeys::keyChangesFollowTheBaseline()
{
    QTemporaryDir dir;
    InsecureFileSecretStore store(dir.filePath(u"keys.json"_s));
    const auto profile = [](const QString& id, const QString& url) {
        ProviderProfile p;
        p.id = id;
        p.presetId = u"custom"_s;
        p.baseUrl = QUrl(url);
        return p;
    };
    ProviderProfile a = profile(u"a"_s, u"https://a.example/v1"_s);
    a.secretHeaders = {"x-gateway-token"}; // its credential header moves with it too
    ProviderProfile b = profile(u"b"_s, u"https://b.example/v1"_s);
    b.secretHeaders = {"x-gateway-token"};
    const ProviderProfile c = profile(u"c"_s, u"https://c.example/v1"_s);
    for (const ProviderProfile& p : {a, b, c})
        waitFor([&](SecretStore::Handler done) { store.write(keyEntryName(p), u"sk-juxta-TESTKEY-"_s + p.id, done); });
    for (const ProviderProfile& p : {a, b})
        waitFor([&](SecretStore::Handler done) {
            store.write(secretHeadersEntryName(p), u"{\"x-gateway-token\":\"tok-"_s + p.id + u"\"}"_s, done);
        });
    const auto headersOf = [&](const ProviderProfile& p) {
        const SecretResult r = waitFor([&](SecretStore::Handler done) { store.read(secretHeadersEntryName(p), done); });
        return r.status == SecretResult::Status::Ok ? QString::fromUtf8(r.key.headerValue()) : QString();
    };
    const auto stored = [&](const ProviderProfile& p) {
        const SecretResult r = waitFor([&](SecretStore::Handler done) { store.read(keyEntryName(p), done); });
        return r.status == SecretResult::Status::Ok ? QString::fromUtf8(r.key.headerValue()) : QString();
    };

    // a moves to another URL (its key follows), b is removed and its id re-created elsewhere (no key for it),
    // c gets a new key, d is new with a key.
    ProviderProfile aMoved = profile(u"a"_s, u"https://a2.example/v1"_s);
    aMoved.secretHeaders = a.secretHeaders;
    const ProviderProfile bNew = profile(u"b"_s, u"https://proxy.example/v1"_s);
    const ProviderProfile d = profile(u"d"_s, u"https://d.example/v1"_s);
    KeyChangeSet changes(store);
    QSignalSpy finished(&changes, &KeyChangeSet::finished);
    ProfileKeyEdits edits;
    edits.newKeys = {{u"c"_s, u"sk-juxta-TESTKEY-c2"_s}, {u"d"_s, u"sk-juxta-TESTKEY-d"_s}};
    edits.removedProfiles = {u"b"_s};
    edits.recreatedIds = {u"b"_s};
    changes.apply({a, b, c}, {aMoved, bNew, c, d}, edits);
    QVERIFY(finished.size() == 1 || finished.wait(5'000));
    QVERIFY(finished.first().first().toStringList().isEmpty());
    QCOMPARE(stored(aMoved), u"sk-juxta-TESTKEY-a"_s);
    QCOMPARE(stored(a), QString());
    QCOMPARE(stored(b), QString());
    QCOMPARE(stored(bNew), QString()); // the removed profile's key did not move to the new one with its id
    QCOMPARE(stored(c), u"sk-juxta-TESTKEY-c2"_s);
    QCOMPARE(stored(d), u"sk-juxta-TESTKEY-d"_s);
    QVERIFY(headersOf(aMoved).contains(u"tok-a"_s));
    QCOMPARE(headersOf(a), QString());
    QCOMPARE(headersOf(b), QString()); // removed with its profile

    // "Remove stored key", and a failure is reported (a damaged key file is never overwritten).
    ProfileKeyEdits removal;
    removal.keysToRemove = {u"c"_s};
    changes.apply({aMoved, bNew, c, d}, {aMoved, bNew, c, d}, removal);
    QVERIFY(finished.size() == 2 || finished.wait(5'000));
    QCOMPARE(stored(c), QString());
    QFile damaged(dir.filePath(u"keys.json"_s));
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{not json");
    damaged.close();
    ProfileKeyEdits write;
    write.newKeys = {{u"d"_s, u"sk-juxta-TESTKEY-d3"_s}};
    changes.apply({d}, {d}, write);
    QVERIFY(finished.size() == 3 || finished.wait(5'000));
    QCOMPARE(finished.last().first().toStringList().size(), 1);
    QFile::remove(dir.filePath(u"keys.json"_s));
}

QTEST_GUILESS_MAIN(TestKeys)
#include "TestKeys.moc"
