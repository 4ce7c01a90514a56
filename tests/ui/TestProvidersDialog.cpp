// SPDX-License-Identifier: GPL-3.0-or-later
// The Providers dialog against a fake server on 127.0.0.1: add from presets, duplicate, remove, the plain-http
// confirmation, "Test" listing models or showing the classified error, local-server detection, saving (the key
// to the real keychain, never to the file), import/export; then screenshots of the dialog and of the main window
// with the model picker open for packaging/screenshots.
#include "FakeProviderServer.h"

#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "config/ProviderPresets.h"
#include "keys/SecretStore.h"
#include "offline/ScriptFiles.h"
#include "providers/ProfileEditor.h"
#include "providers/ProvidersDialog.h"
#include "providers/RequestLimitsRow.h"
#include "providers/ScriptFileRow.h"
#include "shell/MainWindow.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestProvidersDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addDuplicateRemove();
    void publicHttpNeedsConfirmation();
    void testListsModelsOrShowsTheError();
    void detectsLocalServers();
    void saveKeepsKeysOutOfTheFile();
    void duplicateIdsAreRefused();
    void othersChangesSurviveASave();
    void importAndExport();
    void scriptedProfileShowsItsScript();
    void batchLimitsAreKeptInTheProfile();
    void screenshots();

private:
    std::unique_ptr<ProvidersDialog> makeDialog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<FakeProviderServer> m_server;
    bool m_keychainUsable = false;
};

void TestProvidersDialog::initTestCase()
{
    qputenv("JUXTA_KEYCHAIN_SERVICE", "org.juxta.Juxta.test-dialog");
    KeychainSecretStore probe;
    const SecretResult r = waitFor([&](SecretStore::Handler done) { probe.read(u"probe"_s, done); });
    m_keychainUsable = r.status != SecretResult::Status::Unavailable;
    if (!m_keychainUsable && qEnvironmentVariable("JUXTA_REQUIRE_KEYCHAIN") == u"1"_s)
        QFAIL(qPrintable(r.message));
}

void TestProvidersDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ConfigStore>(m_dir->filePath(u"config.json"_s));
    m_store->load();
    m_secrets = std::make_unique<KeychainSecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_catalog = std::make_unique<CatalogService>(m_store->config(), *m_secrets, *m_network,
                                                 DiscoveryCache(m_dir->filePath(u"cache"_s)));
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
}

void TestProvidersDialog::cleanup()
{
    m_server.reset();
    m_catalog.reset();
    m_network.reset();
    m_secrets.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<ProvidersDialog> TestProvidersDialog::makeDialog()
{
    auto dialog = std::make_unique<ProvidersDialog>(*m_store, *m_secrets, *m_catalog);
    dialog->show();
    return dialog;
}

void TestProvidersDialog::addDuplicateRemove()
{
    auto dialog = makeDialog();
    QVERIFY(!dialog->editor()->isEnabled()); // nothing to edit yet
    dialog->addFromPreset(u"openai"_s);
    dialog->addFromPreset(u"openai"_s);
    QCOMPARE(dialog->profiles().size(), 2);
    QCOMPARE(dialog->profiles()[1].id, u"openai-2"_s); // ids stay unique
    QCOMPARE(dialog->profileList()->currentRow(), 1);
    QCOMPARE(dialog->editor()->nameField()->text(), u"OpenAI"_s);
    dialog->duplicateCurrent();
    QCOMPARE(dialog->profiles().size(), 3);
    QCOMPARE(dialog->profiles()[2].displayName, u"OpenAI (copy)"_s);
    QCOMPARE(dialog->profiles()[2].id, u"openai-3"_s);
    // Edits in the form reach the working copy and the list.
    dialog->editor()->nameField()->selectAll();
    QTest::keyClicks(dialog->editor()->nameField(), u"Team OpenAI"_s);
    QCOMPARE(dialog->profiles()[2].displayName, u"Team OpenAI"_s);
    QVERIFY(dialog->profileList()->item(2)->text().startsWith(u"Team OpenAI\n"_s));
    dialog->removeCurrent();
    QCOMPARE(dialog->profiles().size(), 2);
    dialog->reject(); // Cancel: nothing saved
    QVERIFY(!QFile::exists(m_store->path()));
}

void TestProvidersDialog::scriptedProfileShowsItsScript()
{
    auto dialog = makeDialog();
    dialog->addFromPreset(u"scripted"_s);
    ProfileEditor* editor = dialog->editor();
    auto* row = editor->findChild<ScriptFileRow*>();
    QVERIFY(row);
    QVERIFY(row->isVisibleTo(editor));
    auto* current = row->findChild<QLabel*>();
    QVERIFY2(current->text().contains(u"demo"_s), qPrintable(current->text()));
    QVERIFY(!row->findChild<QPushButton*>(u"scriptOpen"_s)->isEnabled()); // the demo is compiled in

    // A file chosen (as the file dialog would) goes into the base URL, pace kept, and is shown.
    emit row->urlChosen(withScriptFile(QUrl(editor->baseUrlField()->text()), u"/tmp/my answers & more.jsonl"_s));
    QCOMPARE(scriptFileOf(QUrl(editor->baseUrlField()->text())), u"/tmp/my answers & more.jsonl"_s);
    QVERIFY2(current->text().contains(u"/tmp/my answers & more.jsonl"_s), qPrintable(current->text()));
    QVERIFY(row->findChild<QPushButton*>(u"scriptOpen"_s)->isEnabled());
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QCOMPARE(scriptFileOf(m_store->config().profiles.first().baseUrl), u"/tmp/my answers & more.jsonl"_s);
    ConfigStore reread(m_store->path()); // and back from the file
    reread.load();
    QCOMPARE(scriptFileOf(reread.config().profiles.first().baseUrl), u"/tmp/my answers & more.jsonl"_s);

    dialog->addFromPreset(u"openai"_s);
    QVERIFY(!row->isVisibleTo(editor)); // only scripted profiles have a script
}

void TestProvidersDialog::batchLimitsAreKeptInTheProfile()
{
    auto dialog = makeDialog();
    dialog->addFromPreset(u"openai"_s);
    RequestLimitsRow* limits = dialog->editor()->limitsRow();
    QVERIFY(limits->isVisibleTo(dialog->editor()));
    // A new profile has no limits, shown as such.
    for (QSpinBox* field : {limits->concurrentField(), limits->requestsPerMinuteField(), limits->tokensPerMinuteField()})
        QCOMPARE(field->text(), u"no limit"_s);
    QVERIFY(!dialog->profiles()[0].limits.isSet());

    // Typed as a person would: select the field's text and type over it.
    const auto type = [](QSpinBox* field, const QString& text) {
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Tab);
    };
    type(limits->concurrentField(), u"4"_s);
    type(limits->requestsPerMinuteField(), u"60"_s);
    type(limits->tokensPerMinuteField(), u"30000"_s);
    QCOMPARE(dialog->profiles()[0].limits.maxConcurrent, std::optional<int>(4));
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    ConfigStore reread(m_store->path());
    reread.load();
    const RequestLimits saved = reread.config().profiles.first().limits;
    QCOMPARE(saved.maxConcurrent, std::optional<int>(4));
    QCOMPARE(saved.requestsPerMinute, std::optional<int>(60));
    QCOMPARE(saved.tokensPerMinute, std::optional<qint64>(30000));

    // Shown again when the dialog opens, and 0 takes a limit away.
    dialog = makeDialog();
    limits = dialog->editor()->limitsRow();
    QCOMPARE(limits->requestsPerMinuteField()->value(), 60);
    QCOMPARE(limits->tokensPerMinuteField()->value(), 30000);
    type(limits->requestsPerMinuteField(), u"0"_s);
    QCOMPARE(limits->requestsPerMinuteField()->value(), 0);
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QCOMPARE(m_store->config().profiles.first().limits.requestsPerMinute, std::nullopt);
    QCOMPARE(m_store->config().profiles.first().limits.maxConcurrent, std::optional<int>(4));
    dialog = makeDialog();
    QCOMPARE(dialog->editor()->limitsRow()->requestsPerMinuteField()->text(), u"no limit"_s);
}

void TestProvidersDialog::publicHttpNeedsConfirmation()
{
    auto dialog = makeDialog();
    dialog->addFromPreset(u"custom"_s);
    ProfileEditor* editor = dialog->editor();
    QTest::keyClicks(editor->baseUrlField(), u"http://llm.example.com/v1"_s);
    QVERIFY(!editor->insecureConfirmation()->isHidden());
    QString error;
    QVERIFY(!dialog->save(&error));
    QVERIFY(error.contains(u"http://"_s));
    editor->insecureConfirmation()->setChecked(true);
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QVERIFY(m_store->config().profiles[0].allowInsecureHttp);
    editor->baseUrlField()->clear();
    QTest::keyClicks(editor->baseUrlField(), u"http://192.168.1.5:8000/v1"_s);
    QVERIFY(editor->insecureConfirmation()->isHidden()); // private network: no question asked
}

void TestProvidersDialog::testListsModelsOrShowsTheError()
{
    auto dialog = makeDialog();
    dialog->addFromPreset(u"custom"_s);
    ProfileEditor* editor = dialog->editor();
    QTest::keyClicks(editor->baseUrlField(), m_server->baseUrl().toString());
    QTest::keyClicks(editor->keyField(), u"sk-juxta-TESTKEY-dialog-test"_s);

    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openai_models.http"_s));
    QSignalSpy finished(editor, &ProfileEditor::testFinished);
    QTest::mouseClick(editor->testButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(editor->testResult()->text().contains(u"3 models"_s));
    // The typed (not yet saved) key was used, and only for this server.
    QCOMPARE(m_server->requests()[0].header("authorization"), QByteArray("Bearer sk-juxta-TESTKEY-dialog-test"));
    QCOMPARE(m_catalog->catalog().entries(editor->profile()).size(), 3);

    m_server->enqueue(ScriptedResponse::fromFixture(u"openai/error_401_invalid_key.http"_s));
    QTest::mouseClick(editor->testButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(editor->testResult()->text().contains(u"auth (HTTP 401)"_s), qPrintable(editor->testResult()->text()));
}

void TestProvidersDialog::detectsLocalServers()
{
    auto dialog = makeDialog();
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s));
    dialog->detectLocalServers(*m_network, {{u"ollama"_s, m_server->baseUrl(QString())}});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->detectedBanner()->isVisible(), 10'000);
    auto* add = dialog->detectedBanner()->findChild<QPushButton*>();
    QVERIFY(add);
    QCOMPARE(add->text(), u"Add Ollama"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(dialog->profiles().size(), 1);
    QCOMPARE(dialog->profiles()[0].baseUrl, m_server->baseUrl(QString()));
    QCOMPARE(dialog->profiles()[0].dialect, ApiDialect::Ollama);
}

void TestProvidersDialog::saveKeepsKeysOutOfTheFile()
{
    if (!m_keychainUsable)
        QSKIP("no Secret Service in this session");
    auto dialog = makeDialog();
    dialog->addFromPreset(u"openrouter"_s);
    ProviderProfile p = dialog->profiles()[0];
    QSignalSpy keysSaved(dialog.get(), &ProvidersDialog::keysSaved);
    QTest::keyClicks(dialog->editor()->keyField(), u"sk-juxta-TESTKEY-dialog-save"_s);
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    QFile file(m_store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("openrouter"));
    QVERIFY(!onDisk.contains("TESTKEY"));
    QVERIFY(keysSaved.wait(10'000));
    QCOMPARE(keysSaved.first().first().toBool(), true);
    // The key went to the keychain under the profile's id (written asynchronously after the file).
    SecretResult stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = waitFor([&](SecretStore::Handler done) { m_secrets->read(keyEntryName(p), done); }),
                              stored.status == SecretResult::Status::Ok),
                             10'000);
    QCOMPARE(stored.key.headerValue(), QByteArray("sk-juxta-TESTKEY-dialog-save"));
    // Removing the profile removes its key on the next save.
    dialog->removeCurrent();
    QVERIFY(dialog->save(&error));
    QTRY_COMPARE_WITH_TIMEOUT(waitFor([&](SecretStore::Handler done) { m_secrets->read(keyEntryName(p), done); }).status,
                              SecretResult::Status::NotFound, 10'000);
}

void TestProvidersDialog::duplicateIdsAreRefused()
{
    m_store->config().profiles.append(profileFromPreset(*findPreset(u"openai"_s)));
    QVERIFY(m_store->save());
    auto dialog = makeDialog();
    dialog->addFromPreset(u"groq"_s);
    QLineEdit* id = nullptr;
    for (QLineEdit* field : dialog->editor()->findChildren<QLineEdit*>()) {
        if (field->accessibleName() == u"Profile id"_s)
            id = field;
    }
    QVERIFY(id && !id->isReadOnly()); // a new profile's id can still change…
    id->selectAll();
    QTest::keyClicks(id, u"openai"_s);
    QString error;
    QVERIFY(!dialog->save(&error)); // …but not to one that is taken
    QVERIFY(error.contains(u"openai"_s));
    QCOMPARE(dialog->profiles()[0].baseUrl.host(), u"api.openai.com"_s); // the saved profile is untouched
    QCOMPARE(dialog->profiles()[1].baseUrl.host(), u"api.groq.com"_s);
    dialog->profileList()->setCurrentRow(0);
    for (QLineEdit* field : dialog->editor()->findChildren<QLineEdit*>()) {
        if (field->accessibleName() == u"Profile id"_s)
            QVERIFY(field->isReadOnly()); // a saved profile's id is fixed: its key is filed under it
    }
}

void TestProvidersDialog::othersChangesSurviveASave()
{
    m_store->config().profiles.append(profileFromPreset(*findPreset(u"openai"_s)));
    QVERIFY(m_store->save());
    auto dialog = makeDialog();
    dialog->addFromPreset(u"groq"_s);
    QTest::qWait(20);
    ConfigStore commandLine(m_store->path()); // `juxta profiles --add mistral` while the dialog is open
    QVERIFY(commandLine.load().ok);
    commandLine.config().profiles.append(profileFromPreset(*findPreset(u"mistral"_s)));
    commandLine.config().profiles[0].displayName = u"OpenAI (work)"_s;
    QVERIFY(commandLine.save());
    QString error;
    QVERIFY2(dialog->save(&error), qPrintable(error));
    ConfigStore check(m_store->path());
    QVERIFY(check.load().ok);
    QStringList ids;
    for (const ProviderProfile& p : check.config().profiles)
        ids << p.id;
    QCOMPARE(ids, (QStringList{u"openai"_s, u"mistral"_s, u"groq"_s}));
    QCOMPARE(check.config().profiles[0].displayName, u"OpenAI (work)"_s); // the dialog did not touch it
}

void TestProvidersDialog::importAndExport()
{
    auto dialog = makeDialog();
    dialog->addFromPreset(u"groq"_s);
    dialog->addFromPreset(u"lmstudio"_s);
    QString message;
    const QString path = m_dir->filePath(u"profiles.json"_s);
    QVERIFY(dialog->exportTo(path, &message));
    QVERIFY(message.contains(u"without keys"_s));
    auto other = makeDialog();
    QVERIFY(other->importFrom(path, &message));
    QCOMPARE(other->profiles().size(), 2);
    QVERIFY(other->importFrom(path, &message)); // again: renamed, never overwritten
    QCOMPARE(other->profiles().size(), 4);
    QCOMPARE(other->profiles()[2].id, u"groq-2"_s);
}

void TestProvidersDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    // A realistic setup: four providers, OpenRouter's list fetched (with prices), Ollama detected.
    for (const QString& preset : {u"openai"_s, u"anthropic"_s, u"openrouter"_s, u"gemini"_s})
        m_store->config().profiles.append(profileFromPreset(*findPreset(preset)));
    m_store->config().profiles[2].baseUrl = m_server->baseUrl(u"/api/v1"_s);
    auto dialog = makeDialog();
    dialog->resize(980, 660);
    dialog->profileList()->setCurrentRow(2);
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s));
    QSignalSpy finished(dialog->editor(), &ProfileEditor::testFinished);
    dialog->editor()->test();
    QVERIFY(finished.wait(10'000));
    FakeProviderServer ollama;
    QVERIFY(ollama.listen());
    ollama.enqueue(ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s));
    dialog->detectLocalServers(*m_network, {{u"ollama"_s, ollama.baseUrl(QString())}});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->detectedBanner()->isVisible(), 10'000);
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QVERIFY(dialog->grab().save(dir + u"/providers_dialog.png"_s));
}

QTEST_MAIN(TestProvidersDialog)
#include "TestProvidersDialog.moc"
