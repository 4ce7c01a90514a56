// SPDX-License-Identifier: GPL-3.0-or-later
// First run in the real window: with no key and no configured server the app opens on the welcome page, which
// offers the local server it found (a fake Ollama on loopback) and "Try it offline". The offline comparison runs
// the three demo targets at their scripted speeds through the real compare path, the third one falling back after
// a 429 with Retry-After and a cut stream; every column is labelled offline and costs $0. Screenshots of both.
#include "FakeProviderServer.h"
#include "ReportChecks.h"
#include "catalog/ModelPicker.h"
#include "charts/RunCharts.h"
#include "chat/ChatPage.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/ComparePage.h"
#include "config/ConfigStore.h"
#include "offline/ScriptedResponder.h"
#include "onboarding/WelcomePage.h"
#include "report/ExportDialog.h"
#include "shell/MainWindow.h"
#include "storage/HistoryService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestWelcome : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensOnWelcomeAndOffersTheServerFound();
    void tryItOfflineRunsTheDemoComparison();
    void aKeyInTheEnvironmentSkipsTheWelcome();
    void turnedOffStaysOff();

private:
    void openWindow();
    QWidget* currentPage() const;
    void saveScreenshot(const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProviderServer> m_ollama;
    QList<LocalServerDetector::Candidate> m_candidates;
    MainWindow* m_window = nullptr;
};

void TestWelcome::initTestCase()
{
    for (const ProviderPreset& preset : providerPresets()) { // a developer's keys must not decide these tests
        for (const QString& variable : preset.keyEnvVars)
            qunsetenv(variable.toLocal8Bit().constData());
    }
}

void TestWelcome::init()
{
    QSettings().clear();
    resetScriptedTurns();
    m_dir = std::make_unique<QTemporaryDir>();
    m_ollama = std::make_unique<FakeProviderServer>();
    QVERIFY(m_ollama->listen());
    m_ollama->setResponder([](const RecordedRequest&) { return ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s); });
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    m_candidates = {{u"ollama"_s, m_ollama->baseUrl(u""_s)},
                    {u"lmstudio"_s, QUrl(u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort()))}};
}

void TestWelcome::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_ollama.reset();
    m_dir.reset();
}

void TestWelcome::openWindow()
{
    m_window = new MainWindow(m_dir->filePath(u"config.json"_s), nullptr, m_dir->filePath(u"history.sqlite"_s));
    m_window->resize(1400, 860);
    m_window->checkFirstRun(m_candidates); // as main() does, before show()
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

QWidget* TestWelcome::currentPage() const
{
    return m_window->findChild<QStackedWidget*>()->currentWidget();
}

void TestWelcome::saveScreenshot(const QString& name)
{
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(m_window->grab().save(dir + u'/' + name));
}

void TestWelcome::opensOnWelcomeAndOffersTheServerFound()
{
    openWindow();
    QVERIFY(m_window->welcomePage());
    QCOMPARE(currentPage(), m_window->welcomePage());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->welcomePage()->serverButtons().size(), 1, 5000);
    QPushButton* use = m_window->welcomePage()->serverButtons().first();
    QVERIFY2(use->text().contains(u"Ollama"_s) && use->text().contains(QString::number(m_ollama->port())),
             qPrintable(use->text()));
    QTest::qWait(50);
    saveScreenshot(u"welcome_page.png"_s);

    // Using it adds the profile, picks its first model and opens the chat.
    use->click();
    QCOMPARE(currentPage(), m_window->chatPage());
    QVERIFY2(m_window->modelPicker()->currentModel().startsWith(u"ollama/"_s),
             qPrintable(m_window->modelPicker()->currentModel()));
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QCOMPARE(store.config().profiles.size(), 1);
    QCOMPARE(store.config().profiles.first().baseUrl, m_ollama->baseUrl(u""_s));

    // Next start: a configured server answers, so the window opens as usual.
    delete m_window;
    m_window = nullptr;
    openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isCheckingFirstRun(), 5000); // asked, answered: Ollama is configured
    QCOMPARE(currentPage(), m_window->chatPage());
    QVERIFY(!m_window->welcomePage());
}

void TestWelcome::tryItOfflineRunsTheDemoComparison()
{
    openWindow();
    QCOMPARE(currentPage(), m_window->welcomePage());
    ComparePage* compare = m_window->comparePage();
    QSignalSpy finished(compare, &ComparePage::runFinished);
    QElapsedTimer clock;
    clock.start();
    m_window->welcomePage()->offlineButton()->click();
    QCOMPARE(currentPage(), compare);
    QCOMPARE(compare->lanes().size(), 3);
    // While flaky waits out its Retry-After, its column says so.
    QTRY_VERIFY_WITH_TIMEOUT(compare->lanes().at(2)->column().figures().contains(u"trying again in 1.00 s"_s), 3000);
    QVERIFY2(compare->lanes().at(2)->column().figures().contains(u"rate-limited (HTTP 429)"_s),
             qPrintable(compare->lanes().at(2)->column().figures()));
    QTest::qWait(qMax<qint64>(0, 800 - clock.elapsed())); // mid-stream: swift done, steady writing, flaky waiting
    saveScreenshot(u"offline_comparison_streaming.png"_s);
    QVERIFY(finished.wait(30'000));
    const qint64 wall = clock.elapsed();

    // The profiles are there for later (pickers show the offline models), and nothing needed a key.
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.config().profile(u"echo"_s));
    QVERIFY(store.config().profile(u"scripted"_s));

    // Three speeds, as scripted: swift (180 ms, 70 tok/s), steady (600 ms, 28 tok/s), and slow (1400 ms, 12 tok/s)
    // after flaky was rate-limited (Retry-After 1 s) and then cut after 12 tokens.
    QList<AnswerStats> stats;
    for (CompareLane* lane : compare->lanes()) {
        const MessageRecord* answer = lane->shownAnswer();
        QVERIFY(answer);
        QCOMPARE(answer->state, MessageState::Complete);
        QVERIFY2(lane->column().title().endsWith(u"· offline"_s), qPrintable(lane->column().title()));
        QVERIFY2(answer->stats.offline, qPrintable(lane->label()));
        QCOMPARE(answer->stats.costUsd.value_or(-1), 0.0);
        QVERIFY(answer->stats.ttftMs && answer->stats.totalMs);
        stats.append(answer->stats);
    }
    QCOMPARE(stats[0].servedBy, u"scripted/swift"_s);
    QCOMPARE(stats[1].servedBy, u"scripted/steady"_s);
    QCOMPARE(stats[2].servedBy, u"scripted/slow"_s);
    QCOMPARE(stats[2].requestedModel, u"scripted/flaky"_s);
    QCOMPARE(stats[2].fallbackNotes.size(), 2);
    QVERIFY2(stats[2].fallbackNotes[0].contains(u"429"_s), qPrintable(stats[2].fallbackNotes[0]));
    QVERIFY2(*stats[0].ttftMs >= 175 && *stats[0].ttftMs < 180 + 300, qPrintable(QString::number(*stats[0].ttftMs)));
    QVERIFY2(*stats[1].ttftMs >= 595 && *stats[1].ttftMs < 600 + 300, qPrintable(QString::number(*stats[1].ttftMs)));
    QVERIFY2(*stats[2].ttftMs >= 1395 && *stats[2].ttftMs < 1400 + 400, qPrintable(QString::number(*stats[2].ttftMs)));
    QVERIFY(*stats[0].totalMs < *stats[1].totalMs);
    QVERIFY(*stats[1].totalMs < *stats[2].totalMs);
    QVERIFY2(wall >= 1000 + 1400, qPrintable(QString::number(wall))); // the Retry-After wait really happened
    QVERIFY2(compare->lanes().at(2)->column().figures().contains(u"fallback from scripted/flaky"_s),
             qPrintable(compare->lanes().at(2)->column().figures()));
    QVERIFY(compare->lanes().at(0)->column().figures().contains(u"offline"_s));

    // The report says so too.
    const QString path = m_dir->filePath(u"demo.md"_s);
    QVERIFY(compare->exportComparison(path));
    m_window->history().flush(); // the export is written on the history's thread
    QFile report(path);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(report.readAll());
    QVERIFY2(md.contains(u"| scripted/swift (offline) |"_s) && md.contains(u"every answer was free"_s),
             qPrintable(md.left(900)));

    // The Export dialog, as a person uses it: an HTML report, then the CSV, each offered to open.
    compare->openExportDialog();
    ExportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = compare->findChild<ExportDialog*>()) != nullptr);
    QCOMPARE(dialog->formatBox()->count(), 5); // four report formats and the lossless JSON
    const auto button = [dialog](const QString& text) {
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == text)
                return b;
        return static_cast<QPushButton*>(nullptr);
    };
    QVERIFY(button(u"&Export"_s) && button(u"&Open"_s) && !button(u"&Open"_s)->isVisible());
    dialog->setFormatIndex(0);
    const QString html = m_dir->filePath(u"offline comparison.html"_s);
    dialog->setPath(html);
    QTest::mouseClick(button(u"&Export"_s), Qt::LeftButton);
    QTRY_VERIFY(button(u"&Open"_s)->isVisible() && button(u"Show in &folder"_s)->isVisible());
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const test::HtmlReading reading = test::readReportHtml(htmlFile.readAll());
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY2(reading.text.contains(u"Fastest: scripted/swift"_s), qPrintable(reading.text.left(600)));
    const QString shots = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(dialog->grab().save(shots + u"/export_dialog.png"_s));

    dialog->setFormatIndex(2); // CSV: the file name follows
    QCOMPARE(dialog->choice().path, m_dir->filePath(u"offline comparison.csv"_s));
    QTest::mouseClick(button(u"&Export"_s), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(m_dir->filePath(u"offline comparison.csv"_s)) && button(u"&Export"_s)->isEnabled());
    QFile csvFile(m_dir->filePath(u"offline comparison.csv"_s));
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(test::readCsv(csvFile.readAll()).size(), 1 + compare->lanes().size());
    dialog->close();

    QTest::qWait(200); // queued replots and the setup bar's new chips
    // Offline answers cost nothing: the cost chart says so rather than showing an empty plot.
    auto* charts = m_window->findChild<RunCharts*>();
    QVERIFY(charts);
    QVERIFY2(charts->costNote().contains(u"free"_s), qPrintable(charts->costNote()));
    saveScreenshot(u"offline_comparison.png"_s);
}

void TestWelcome::aKeyInTheEnvironmentSkipsTheWelcome()
{
    qputenv("OPENAI_API_KEY", "sk-juxta-TESTKEY-env");
    openWindow();
    qunsetenv("OPENAI_API_KEY");
    QVERIFY(!m_window->isCheckingFirstRun()); // the key settles it without asking anyone
    QVERIFY(!m_window->welcomePage());
    QCOMPARE(currentPage(), m_window->chatPage());
}

void TestWelcome::turnedOffStaysOff()
{
    openWindow();
    QCOMPARE(currentPage(), m_window->welcomePage());
    m_window->welcomePage()->findChild<QCheckBox*>(u"welcomeShowAtStart"_s)->click();
    m_window->welcomePage()->findChild<QPushButton*>(u"welcomeSkip"_s)->click();
    QCOMPARE(currentPage(), m_window->chatPage());
    delete m_window;
    m_window = nullptr;
    openWindow();
    QVERIFY(!m_window->isCheckingFirstRun()); // turned off: not even asked
    QCOMPARE(currentPage(), m_window->chatPage());
    // Help ▸ Welcome page brings it back on demand.
    m_window->findChild<QAction*>(u"actionWelcome"_s)->trigger();
    QCOMPARE(currentPage(), m_window->welcomePage());
}

QTEST_MAIN(TestWelcome)
#include "TestWelcome.moc"
