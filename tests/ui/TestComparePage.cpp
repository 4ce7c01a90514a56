// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view driven against the fake provider over 127.0.0.1: four models at scripted speeds (one fails
// with a quota error and falls back), the figures each column shows checked against the scripted timings, marks,
// charts, the comparison in the history; follow-up turns, repeats, per-column stop, blind votes, the
// leaderboard, reopen / re-run / export, the diff, and a screenshot of a finished three-model comparison.
// (Longer than 500 lines: one scenario per acceptance point of the compare view, all on one fixture, the fake
// server's scripted models; split up, each file would repeat it.)
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "charts/RunCharts.h"
#include "chat/ChatPage.h"
#include "chat/Composer.h"
#include "chat/TranscriptView.h"
#include "compare/CompareBoard.h"
#include "compare/CompareColumn.h"
#include "compare/CompareLane.h"
#include "compare/ComparePage.h"
#include "compare/CompareSetupBar.h"
#include "compare/ComparisonList.h"
#include "compare/DiffDialog.h"
#include "compare/LeaderboardDialog.h"
#include "config/ConfigStore.h"
#include "report/FigureFormat.h"
#include "shell/MainWindow.h"
#include "storage/ComparisonStore.h"
#include "storage/HistoryDatabase.h"
#include "storage/HistoryService.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QDir>
#include <QListWidget>
#include <QRegularExpression>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QAccessible>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

// Per model: the pause before every streamed event after the first (the role chunk comes at once). So the first
// text comes one pause after the request, and the whole answer after (pieces + 2) pauses (finish, usage).
int delayFor(const QString& model)
{
    if (model == u"fast"_s)
        return 20;
    if (model == u"medium"_s)
        return 60;
    if (model == u"slow"_s || model == u"backup"_s)
        return 110;
    return 30;
}

QStringList piecesFor(const QString& model, int turn)
{
    QStringList pieces{u"The"_s, u" answer"_s, u" of "_s, model, u" to turn "_s, QString::number(turn), u"."_s};
    if (model == u"slow"_s) // the longest answer
        pieces << u" With"_s << u" more"_s << u" words"_s << u" than"_s << u" the"_s << u" rest."_s;
    return pieces;
}

CompareColumnSetup column(const QString& model, const QStringList& fallbacks = {})
{
    CompareColumnSetup c;
    c.overrides.model = u"fake/"_s + model;
    c.overrides.fallbacks = fallbacks;
    return c;
}

void saveShot(QWidget& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(window.grab().toImage().save(dir + u'/' + name));
}

} // namespace

class TestComparePage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fourModelsWithAFallbackShowTheScriptedFigures();
    void followUpTurnsContinueEveryColumn();
    void repeatsGiveStatisticsAndOneColumnStops();
    void blindVotesFeedTheLeaderboard();
    void reopenRerunExportAndDiff();
    void aComparisonMadeOnTheCommandLineOpensHere();
    void columnsMoveHideAndKeepTheirOrder();
    void eightColumnsStreamAtOnce();
    void budgetGuardSeesAllColumnsTogether();
    void budgetWarningCanBeOverridden();
    void newComparisonOrClosingWhileStreaming();
    void modelSetsSurviveARestart();
    void screenshotOfThreeModels();

private:
    void openWindow();
    void reopenWindow(); // a restart: the history finishes its writes first
    void reconfigure(const std::function<void(AppConfig&)>& change); // then reopens
    void useColumns(const CompareSetup& setup); // as after picking the models in the bar
    void run(const CompareSetup& setup, const QString& prompt);
    ComparePage* page() const { return m_window->comparePage(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_historyPath; // the window's history file
    std::unique_ptr<FakeProviderServer> m_server;
    MainWindow* m_window = nullptr;
    QHash<QString, int> m_turns; // per model: requests answered
};

void TestComparePage::init()
{
    QSettings().clear();
    m_turns.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_historyPath = m_dir->filePath(u"history.sqlite"_s);
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    m_server->setResponder([this](const RecordedRequest& request) {
        const QString model = request.json().value(u"model"_s).toString();
        if (model == u"flaky"_s)
            return ScriptedResponse::fromFixture(u"openai/error_429_quota.http"_s);
        const int turn = ++m_turns[model];
        StreamScript script;
        script.model = model;
        script.pieces = piecesFor(model, turn);
        script.delayMs = delayFor(model);
        return openAiStream(script);
    });
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([this](AppConfig& config) {
        ProviderProfile p;
        p.id = u"fake"_s;
        p.displayName = u"Fake provider"_s;
        p.presetId = u"custom"_s;
        p.baseUrl = m_server->baseUrl();
        p.auth = AuthStyle::None;
        config.profiles = {p};
        // Prices: medium is the cheapest of those that answer; slow and backup cost more.
        const auto price = [](double in, double out) {
            ModelPrice m;
            m.base.input = in;
            m.base.output = out;
            return m;
        };
        config.priceOverrides.insert(u"fake/fast"_s, price(1, 4));
        config.priceOverrides.insert(u"fake/medium"_s, price(0.1, 0.4));
        config.priceOverrides.insert(u"fake/slow"_s, price(5, 20));
        config.priceOverrides.insert(u"fake/backup"_s, price(3, 15));
        config.priceOverrides.insert(u"fake/flaky"_s, price(3, 15));
    }));
    openWindow();
}

void TestComparePage::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_server.reset();
    m_dir.reset();
}

void TestComparePage::openWindow()
{
    m_window = new MainWindow(m_dir->filePath(u"config.json"_s), nullptr, m_historyPath);
    m_window->resize(1500, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QSignalSpy opened(&m_window->history(), &HistoryService::opened);
    if (!m_window->history().openReport().ok)
        QVERIFY(opened.wait(5000));
    m_window->showCompare();
}

void TestComparePage::reopenWindow()
{
    delete m_window;
    m_window = nullptr;
    openWindow();
}

void TestComparePage::reconfigure(const std::function<void(AppConfig&)>& change)
{
    ConfigStore store(m_dir->filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update(change));
    reopenWindow();
}

void TestComparePage::useColumns(const CompareSetup& setup)
{
    page()->setupBar()->setSetup(setup);
    emit page()->setupBar()->columnsChanged();
}

void TestComparePage::run(const CompareSetup& setup, const QString& prompt)
{
    useColumns(setup);
    QSignalSpy finished(page(), &ComparePage::runFinished);
    ComposerEdit* edit = page()->composer()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, prompt);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page()->isRunning());
    QVERIFY(finished.wait(30'000));
}

void TestComparePage::fourModelsWithAFallbackShowTheScriptedFigures()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s), column(u"slow"_s),
                     column(u"flaky"_s, {u"fake/backup"_s})};
    // Before sending: each column shows what the send may cost, and the prompt box the total.
    useColumns(setup);
    page()->composer()->setText(u"Explain TCP. "_s.repeated(700)); // ~2,800 tokens in
    emit page()->composer()->textEdited();
    // No max tokens: the answer's length is open, so the estimate is a lower bound ("from").
    QTRY_VERIFY2(page()->board()->columns().at(2)->estimate().startsWith(u"next send: from $0.00"_s),
                 qPrintable(page()->board()->columns().at(2)->estimate()));
    const QString total = page()->composer()->findChild<QLabel*>(u"sendEstimate"_s)->text();
    QVERIFY2(total.startsWith(u"Next send, all columns: from $0.0"_s), qPrintable(total));
    page()->composer()->setText({});

    run(setup, u"Explain TCP"_s);
    const QList<CompareLane*> lanes = page()->lanes();
    QCOMPARE(lanes.size(), 4);

    // All four went out at once (concurrently), each to its own model, and the flaky one fell back to backup.
    QStringList models;
    for (const RecordedRequest& r : m_server->requests())
        models.append(r.json().value(u"model"_s).toString());
    QCOMPARE(models.count(u"flaky"_s), 1);
    QCOMPARE(models.count(u"backup"_s), 1);
    QCOMPARE(models.size(), 5);

    for (int i = 0; i < 4; ++i) {
        CompareColumn* c = page()->board()->columns().at(i);
        const ColumnFigures f = lanes.at(i)->figures();
        const QString model = QStringList{u"fast"_s, u"medium"_s, u"slow"_s, u"backup"_s}.at(i);
        const double delay = delayFor(model);
        QCOMPARE(c->status(), ColumnStatus::Done);
        QVERIFY2(f.succeeded, qPrintable(c->figures()));
        // The scripted timings, with room for a loaded machine above them (never below).
        const int events = int(piecesFor(model, 1).size()) + 3; // role, pieces, finish, usage
        QVERIFY2(*f.ttftMs >= delay - 5 && *f.ttftMs < delay + 250,
                 qPrintable(u"%1: TTFT %2 ms, scripted %3"_s.arg(model).arg(*f.ttftMs).arg(delay)));
        QVERIFY2(*f.totalMs >= (events - 1) * delay - 5 && *f.totalMs < (events - 1) * delay + 600,
                 qPrintable(u"%1: total %2 ms, scripted %3"_s.arg(model).arg(*f.totalMs).arg((events - 1) * delay)));
        // What the column says is what was measured.
        QVERIFY2(c->figures().contains(formatDuration(*f.ttftMs)), qPrintable(c->figures()));
        QVERIFY2(c->figures().contains(formatDuration(*f.totalMs)), qPrintable(c->figures()));
        QVERIFY2(c->figures().contains(u"12 in / "_s), qPrintable(c->figures()));
        QVERIFY(c->figures().contains(u"$"_s));
        QVERIFY(c->figures().contains(u"finish: stop"_s));
        // A screen reader hears the same figures in words: on the figures line and as the column's description.
        QLabel* figuresLabel = c->findChild<QLabel*>(u"columnFigures"_s);
        QAccessibleInterface* spoken = QAccessible::queryAccessibleInterface(figuresLabel);
        QVERIFY(spoken);
        const QString heard = spoken->text(QAccessible::Name);
        QVERIFY2(heard.contains(u"Time to first token "_s + formatDuration(*f.ttftMs).replace(u" ms"_s, u" milliseconds"_s)),
                 qPrintable(heard));
        QVERIFY2(heard.contains(u"12 input tokens"_s) && !heard.contains(u"TTFT"_s) && !heard.contains(u"·"_s),
                 qPrintable(heard));
        QCOMPARE(QAccessible::queryAccessibleInterface(c)->text(QAccessible::Description), heard);
        QCOMPARE(c->transcript()->count(), 2);
        QVERIFY(c->transcript()->message(1).content.contains(model));
    }
    const QString fallback = page()->board()->columns().at(3)->figures();
    QVERIFY2(fallback.contains(u"served by fake/backup (fallback from fake/flaky)"_s), qPrintable(fallback));
    QVERIFY(fallback.contains(u"1 failed attempt"_s));

    // Marks: fastest by total time, cheapest by cost, longest by output.
    QVERIFY2(page()->board()->columns().at(0)->marks().contains(u"fastest"_s), qPrintable(page()->board()->columns().at(0)->marks()));
    QVERIFY(page()->board()->columns().at(1)->marks().contains(u"cheapest"_s));
    QVERIFY(page()->board()->columns().at(2)->marks().contains(u"longest"_s));
    QVERIFY(!page()->board()->columns().at(3)->marks().contains(u"fastest"_s));

    // Charts: stacked latency bars for four models, cost bars, one throughput line per column ending at its tokens.
    QCustomPlot* latency = page()->charts()->latencyPlot();
    QCOMPARE(latency->plottableCount(), 2);
    QCOMPARE(latency->plottable(0)->interface1D()->dataCount(), 4);
    QCOMPARE(page()->charts()->costPlot()->plottableCount(), 4);
    QCustomPlot* throughput = page()->charts()->throughputPlot();
    QCOMPARE(throughput->graphCount(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(throughput->graph(i)->dataCount() >= 2);
        const double lastTokens = (throughput->graph(i)->data()->constEnd() - 1)->value;
        QCOMPARE(qint64(lastTokens), *lanes.at(i)->figures().outputTokens);
    }

    // In the history: one comparison with four columns, each with its question and answer.
    m_window->history().flush();
    HistoryDatabase db(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    ComparisonStore store(db.conversations());
    const QList<ComparisonRecord> saved = store.listComparisons();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().title, u"Explain TCP"_s);
    const std::optional<SavedComparison> loaded = store.loadComparison(saved.constFirst().id);
    QCOMPARE(loaded->columns.size(), 4);
    QCOMPARE(loaded->columns.at(3).messages.size(), 2);
    QCOMPARE(loaded->columns.at(3).messages.at(1).stats.servedBy, u"fake/backup"_s);
    QCOMPARE(db.conversations().listConversations().size(), 0); // not in the chat list
    QCOMPARE(page()->list()->list()->count(), 1);
}

void TestComparePage::followUpTurnsContinueEveryColumn()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s)};
    run(setup, u"First question"_s);
    const qsizetype before = m_server->requests().size();
    const QString id = page()->currentComparisonId();

    QSignalSpy finished(page(), &ComparePage::runFinished);
    page()->send(u"Second question"_s);
    QVERIFY(finished.wait(20'000));
    QCOMPARE(page()->currentComparisonId(), id); // the same comparison, one more turn
    QCOMPARE(m_server->requests().size(), before + 2);
    for (qsizetype r = before; r < m_server->requests().size(); ++r) {
        const QJsonArray messages = m_server->requests().at(r).json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3); // question, that column's own answer, the follow-up
        const QString model = m_server->requests().at(r).json().value(u"model"_s).toString();
        QVERIFY(messages.at(1).toObject().value(u"content"_s).toString().contains(model));
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Second question"_s);
    }
    for (CompareColumn* c : page()->board()->columns()) {
        QCOMPARE(c->transcript()->count(), 4);
        QVERIFY(c->transcript()->message(3).content.contains(u"turn 2"_s));
    }

    // "Continue as chat": the column's branch becomes an ordinary conversation, and the chat opens it.
    page()->board()->columns().at(1)->findChild<QToolButton*>(u"continueAsChat"_s)->click();
    m_window->history().flush();
    QTRY_COMPARE(m_window->chatPage()->transcript()->count(), 4);
    QVERIFY(m_window->chatPage()->transcript()->message(3).content.contains(u"medium"_s));
}

void TestComparePage::repeatsGiveStatisticsAndOneColumnStops()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s)};
    setup.repeat = 3;
    run(setup, u"Again and again"_s);
    for (CompareLane* lane : page()->lanes()) {
        const RepeatStats stats = lane->repeatStats();
        QCOMPARE(stats.runs, 3);
        QCOMPARE(stats.succeeded, 3);
        QCOMPARE(stats.ttftMs->samples, 3);
        QVERIFY(stats.totalMs->p95 >= stats.totalMs->median);
        QVERIFY2(lane->column().figures().contains(u"3 runs (3 ok)"_s), qPrintable(lane->column().figures()));
        QVERIFY(lane->column().accessibleDescription().contains(u"3 runs, 3 succeeded. Time to first token: median "_s));
        // The runs are versions of the turn: ‹ 3 / 3 ›.
        QCOMPARE(lane->column().transcript()->branch(1).count, 3);
    }
    QCOMPARE(m_server->requests().size(), 6);

    // One column stopped mid-stream: it keeps what arrived; the other finishes.
    CompareSetup two;
    two.columns = {column(u"fast"_s), column(u"slow"_s)};
    useColumns(two);
    QSignalSpy finished(page(), &ComparePage::runFinished);
    page()->send(u"Stop one"_s);
    CompareColumn* slow = page()->board()->columns().at(1);
    QTRY_COMPARE(slow->status(), ColumnStatus::Streaming);
    QTest::qWait(300); // a few of its pieces arrive
    QVERIFY(slow->stopButton()->isEnabled());
    slow->stopButton()->click();
    QVERIFY(!finished.isEmpty() || finished.wait(20'000)); // a stop may end the run at once
    QCOMPARE(slow->status(), ColumnStatus::Stopped);
    QCOMPARE(page()->board()->columns().at(0)->status(), ColumnStatus::Done);
    QVERIFY(page()->lanes().at(1)->shownAnswer()->state == MessageState::Stopped);
    QVERIFY(!page()->lanes().at(1)->shownAnswer()->content.isEmpty()); // what arrived is kept
}

void TestComparePage::blindVotesFeedTheLeaderboard()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s), column(u"slow"_s)};
    setup.blind = true;
    run(setup, u"Which is best?"_s);
    QStringList titles;
    for (CompareColumn* c : page()->board()->columns())
        titles.append(c->title());
    QCOMPARE(titles, (QStringList{u"Model A"_s, u"Model B"_s, u"Model C"_s}));
    // Nothing in the columns or the charts names a model before the vote: texts, tooltips, answer headers.
    const auto named = [this] {
        QStringList found;
        QList<QWidget*> widgets = page()->board()->findChildren<QWidget*>();
        widgets += page()->charts()->findChildren<QWidget*>();
        for (QWidget* w : std::as_const(widgets)) {
            QString text = w->toolTip() + w->accessibleName();
            if (auto* label = qobject_cast<QLabel*>(w))
                text += label->text();
            if (auto* button = qobject_cast<QAbstractButton*>(w))
                text += button->text();
            static const QRegularExpression model(u"\\b(fast|medium|slow)\\b"_s); // not "fastest"
            if (text.contains(model))
                found.append(QString::fromLatin1(w->metaObject()->className()) + u": "_s + text);
        }
        return found;
    };
    QVERIFY2(named().isEmpty(), qPrintable(named().join(u'\n')));

    // Vote for whichever column the slow model landed in (shuffled): the names show afterwards.
    int slowColumn = -1;
    for (int i = 0; i < 3; ++i) {
        if (page()->lanes().at(i)->settings().model == u"fake/slow"_s)
            slowColumn = i;
    }
    QVERIFY(slowColumn >= 0);
    page()->board()->columns().at(slowColumn)->bestButton()->click();
    QCOMPARE(page()->board()->columns().at(slowColumn)->title(), u"fake/slow"_s);
    QVERIFY(page()->board()->columns().at(slowColumn)->bestButton()->isChecked());
    QVERIFY(!named().isEmpty()); // revealed
    for (CompareColumn* c : page()->board()->columns())
        QVERIFY(!c->bestButton()->isEnabled()); // one vote per turn

    m_window->history().flush();
    page()->showLeaderboard();
    LeaderboardDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<LeaderboardDialog*>()) != nullptr);
    QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), u"fake/slow"_s); // two wins
    QCOMPARE(table->item(0, 3)->text(), u"2"_s);
    QCOMPARE(table->item(0, 4)->text(), u"2"_s);
    QCOMPARE(table->item(0, 2)->text(), u"100%"_s);
    dialog->close();

    HistoryDatabase db(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    QCOMPARE(ComparisonStore(db.conversations()).votes().size(), 2);
}

void TestComparePage::reopenRerunExportAndDiff()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s)};
    run(setup, u"Keep me"_s);
    page()->board()->columns().at(0)->findChild<QToolButton*>(); // built
    const QString id = page()->currentComparisonId();
    reopenWindow();

    QTRY_COMPARE(page()->list()->list()->count(), 1);
    page()->openComparison(id);
    QTRY_COMPARE(page()->lanes().size(), 2);
    QCOMPARE(page()->currentComparisonId(), id);
    for (int i = 0; i < 2; ++i) {
        CompareColumn* c = page()->board()->columns().at(i);
        QCOMPARE(c->transcript()->count(), 2);
        QCOMPARE(c->status(), ColumnStatus::Done);
        QVERIFY(c->figures().contains(u"TTFT"_s));
    }
    QCOMPARE(page()->charts()->latencyPlot()->plottable(0)->interface1D()->dataCount(), 2);

    const QString md = m_dir->filePath(u"cmp.md"_s);
    const QString json = m_dir->filePath(u"cmp.json"_s);
    QVERIFY(page()->exportComparison(md));
    QVERIFY(page()->exportComparison(json));
    m_window->history().flush();
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(mdFile.readAll());
    QVERIFY2(text.contains(u"| fake/fast |"_s) && text.contains(u"### fake/medium"_s), qPrintable(text));
    QVERIFY(text.contains(u"## Prompt\n\n```text\nKeep me"_s));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(o.value(u"format"_s).toString(), u"juxta-comparison"_s);
    QCOMPARE(o.value(u"columns"_s).toArray().size(), 2);

    page()->showDiff();
    DiffDialog* diff = nullptr;
    QTRY_VERIFY((diff = page()->findChild<DiffDialog*>()) != nullptr);
    const QString html = diff->view()->toHtml();
    QVERIFY2(html.contains(u"fast"_s) && html.contains(u"medium"_s), qPrintable(html));
    QVERIFY(html.contains(u"line-through"_s));
    diff->close();

    QSignalSpy finished(page(), &ComparePage::runFinished);
    page()->rerun();
    QVERIFY(finished.wait(20'000));
    QVERIFY(page()->currentComparisonId() != id);
    QTRY_COMPARE(page()->list()->list()->count(), 2);
}

void TestComparePage::aComparisonMadeOnTheCommandLineOpensHere()
{
    // `juxta compare --save` records with the same engine: the app lists it, opens it with its answers, figures
    // and throughput lines (drawn from the traces the history kept), and can continue it.
    delete m_window;
    m_window = nullptr;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_dir->filePath(u"cache"_s));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(JUXTA_BINARY), {u"compare"_s, u"--config"_s, m_dir->filePath(u"config.json"_s),
                                             u"--save"_s, u"--json"_s, u"--repeat"_s, u"2"_s, u"--model"_s,
                                             u"fake/fast"_s, u"--model"_s, u"fake/medium"_s, u"From the shell"_s});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30'000); // the fake server answers on this thread
    QCOMPARE(cli.exitCode(), 0);
    const QString id = QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(u"comparison_id"_s).toString();
    QVERIFY(!id.isEmpty());

    m_historyPath = m_dir->filePath(u"data/juxta/history.sqlite"_s);
    openWindow();
    QTRY_COMPARE(page()->list()->list()->count(), 1);
    page()->openComparison(id);
    QTRY_COMPARE(page()->lanes().size(), 2);
    QCOMPARE(page()->lanes().at(0)->settings().model, u"fake/fast"_s);
    QCOMPARE(page()->lanes().at(1)->settings().model, u"fake/medium"_s);
    for (int i = 0; i < 2; ++i) {
        CompareColumn* c = page()->board()->columns().at(i);
        QCOMPARE(c->transcript()->count(), 2);
        QCOMPARE(c->transcript()->message(0).content, u"From the shell"_s);
        QCOMPARE(c->transcript()->branch(1).count, 2); // both runs, as versions of the answer
        QCOMPARE(c->status(), ColumnStatus::Done);
        QVERIFY2(c->figures().contains(u"2 runs (2 ok)"_s), qPrintable(c->figures()));
    }
    QCOMPARE(page()->charts()->latencyPlot()->plottable(0)->interface1D()->dataCount(), 2);
    QCustomPlot* throughput = page()->charts()->throughputPlot();
    QVERIFY(throughput->graphCount() >= 2);
    for (int i = 0; i < 2; ++i) // the line ends at the answer's output tokens
        QCOMPARE(throughput->graph(i)->data()->at(throughput->graph(i)->dataCount() - 1)->value,
                 double(*page()->lanes().at(i)->shownAnswer()->stats.outputTokens));

    // Continued in the app: the next turn goes to both columns with each one's branch.
    QSignalSpy finished(page(), &ComparePage::runFinished);
    page()->send(u"And now?"_s);
    QVERIFY(finished.wait(20'000));
    QCOMPARE(page()->currentComparisonId(), id);
    QCOMPARE(page()->board()->columns().at(0)->transcript()->count(), 4);
}

void TestComparePage::columnsMoveHideAndKeepTheirOrder()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s), column(u"slow"_s)};
    run(setup, u"Order"_s);
    const QString id = page()->currentComparisonId();
    CompareColumn* first = page()->board()->columns().at(0);
    QVERIFY(!first->findChild<QToolButton*>(u"moveLeft"_s)->isEnabled());
    page()->board()->move(first, 1);
    QCOMPARE(page()->board()->columns().at(1), first);
    QCOMPARE(page()->lanes().at(1)->settings().model, u"fake/fast"_s);
    page()->board()->columns().at(2)->findChild<QToolButton*>(u"hideColumn"_s)->click();
    QVERIFY(page()->board()->columns().at(2)->isHidden());
    // Saved: the order and the hidden column come back when the comparison is reopened.
    m_window->history().flush();
    reopenWindow();
    page()->openComparison(id);
    QTRY_COMPARE(page()->lanes().size(), 3);
    QCOMPARE(page()->lanes().at(0)->settings().model, u"fake/medium"_s);
    QCOMPARE(page()->lanes().at(1)->settings().model, u"fake/fast"_s);
    QVERIFY(page()->board()->columns().at(2)->isHidden());
}

void TestComparePage::eightColumnsStreamAtOnce()
{
    CompareSetup setup;
    for (int i = 0; i < 8; ++i)
        setup.columns.append(column(u"slow"_s)); // the same model eight times is allowed (told apart as #1…#8)
    int most = 0;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] { most = std::max(most, m_server->openConnections()); });
    sampler.start(5);
    run(setup, u"Everyone at once"_s);
    sampler.stop();
    QVERIFY2(most >= 8, QByteArray::number(most).constData()); // not six, then two more
    QCOMPARE(page()->board()->columns().at(7)->title(), u"fake/slow · #8"_s);
    for (CompareColumn* c : page()->board()->columns())
        QCOMPARE(c->status(), ColumnStatus::Done);
}

void TestComparePage::budgetGuardSeesAllColumnsTogether()
{
    reconfigure([](AppConfig& config) {
        config.budget.perRequestUsd = 0.000001;
        config.budget.action = BudgetLimits::Action::Block;
    });
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s)};
    useColumns(setup);
    page()->send(u"Too dear"_s);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(box->text().startsWith(u"All columns together:"_s), qPrintable(box->text()));
    QCOMPARE(box->icon(), QMessageBox::Critical);
    box->close();
    QTest::qWait(200);
    QCOMPARE(m_server->requests().size(), 0); // blocked: nothing was sent
    QVERIFY(!page()->isRunning());
    QVERIFY(!page()->composer()->isBusy());
    QVERIFY(page()->currentComparisonId().isEmpty());
}

void TestComparePage::budgetWarningCanBeOverridden()
{
    reconfigure([](AppConfig& config) {
        config.budget.perRequestUsd = 0.000001;
        config.budget.action = BudgetLimits::Action::Warn;
    });
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"medium"_s)};
    useColumns(setup);
    QSignalSpy finished(page(), &ComparePage::runFinished);
    page()->send(u"Worth it"_s);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>()) != nullptr);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(m_server->requests().size(), 0); // nothing sent while asking
    box->button(QMessageBox::Ok)->click();     // "Send anyway"
    QVERIFY(finished.wait(20'000));
    QCOMPARE(m_server->requests().size(), 2);
}

void TestComparePage::newComparisonOrClosingWhileStreaming()
{
    // "New comparison" while columns stream: they stop (kept as stopped), then a fresh draft shows.
    CompareSetup setup;
    setup.columns = {column(u"slow"_s), column(u"slow"_s), column(u"fast"_s)};
    useColumns(setup);
    page()->send(u"Interrupt me"_s);
    QTRY_COMPARE(page()->board()->columns().at(2)->status(), ColumnStatus::Done); // one column already ended
    const QString first = page()->currentComparisonId();
    page()->newComparison();
    QTRY_VERIFY(page()->currentComparisonId().isEmpty());
    QVERIFY(!page()->isRunning());
    QCOMPARE(page()->lanes().size(), 0);
    QCOMPARE(page()->board()->columns().size(), 3); // the draft keeps the models

    // Reopened, the stopped columns kept what arrived.
    page()->openComparison(first);
    QTRY_COMPARE(page()->lanes().size(), 3);
    QCOMPARE(page()->lanes().at(0)->shownAnswer()->state, MessageState::Stopped);

    // Closing the window while columns stream saves them as stopped too.
    page()->send(u"And once more"_s);
    QTRY_COMPARE(page()->board()->columns().at(0)->status(), ColumnStatus::Streaming);
    QTest::qWait(200);
    delete m_window;
    m_window = nullptr;
    HistoryDatabase db(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    const std::optional<SavedComparison> saved = ComparisonStore(db.conversations()).loadComparison(first);
    QVERIFY(saved);
    const QList<MessageRecord>& messages = saved->columns.at(0).messages;
    QCOMPARE(messages.constLast().role, MessageRole::Assistant);
    QCOMPARE(messages.constLast().state, MessageState::Stopped);
    openWindow(); // cleanup() deletes it
}

void TestComparePage::modelSetsSurviveARestart()
{
    CompareSetup setup;
    setup.columns = {column(u"fast"_s), column(u"slow"_s, {u"fake/backup"_s})};
    page()->setupBar()->setSetup(setup);
    page()->setupBar()->saveSet(u"Cheap vs careful"_s);
    page()->setupBar()->setSetup({});
    QVERIFY(page()->setupBar()->columns().isEmpty());
    reopenWindow(); // the history finishes its writes (the sets among them) before it closes
    QCOMPARE(page()->setupBar()->setNames(), QStringList{u"Cheap vs careful"_s});
    QVERIFY(page()->setupBar()->loadSet(u"Cheap vs careful"_s));
    QCOMPARE(page()->setupBar()->columns(), setup.columns); // models, order and per-column fallbacks
    QCOMPARE(page()->board()->columns().size(), 2);
    page()->setupBar()->deleteSet(u"Cheap vs careful"_s);
    reopenWindow();
    QVERIFY(page()->setupBar()->setNames().isEmpty());
}

void TestComparePage::screenshotOfThreeModels()
{
    // Answers that read like answers, from three models of a "demo" profile on the same fake server.
    const QHash<QString, QString> answers{
        {u"swift-mini"_s, u"TCP opens a connection with a three-way handshake: the client sends **SYN** with its "
                          "initial sequence number, the server replies **SYN-ACK** with its own, and the client "
                          "confirms with **ACK**. Both sides now agree on sequence numbers and the connection is "
                          "open."_s},
        {u"balanced-pro"_s, u"Before any data flows, client and server synchronise sequence numbers in three steps. "
                            "The client sends a `SYN` segment carrying a random initial sequence number (ISN). The "
                            "server answers with `SYN-ACK`, acknowledging ISN+1 and announcing its own ISN. The "
                            "client replies with `ACK` (server ISN+1). The handshake guards against stale duplicate "
                            "segments and lets both ends negotiate options such as MSS and window scaling."_s},
        {u"deep-reasoner"_s, u"The TCP handshake establishes a reliable, full-duplex connection in three segments:\n\n"
                             "1. **SYN** — the client picks a random initial sequence number *x* and asks to "
                             "connect.\n2. **SYN-ACK** — the server acknowledges *x+1* and offers its own number "
                             "*y*.\n3. **ACK** — the client acknowledges *y+1*.\n\nRandom ISNs make it hard to "
                             "inject forged segments; the exchange also carries options (MSS, SACK, window scale, "
                             "timestamps). If the final ACK is lost, the server retransmits its SYN-ACK until a "
                             "timeout, and SYN cookies let it do so without keeping state."_s}};
    m_server->setResponder([answers](const RecordedRequest& request) {
        const QString model = request.json().value(u"model"_s).toString();
        StreamScript script;
        script.model = model;
        const QString text = answers.value(model, u"…"_s);
        for (qsizetype i = 0; i < text.size(); i += 12)
            script.pieces.append(text.mid(i, 12));
        script.delayMs = model == u"swift-mini"_s ? 4 : model == u"balanced-pro"_s ? 9 : 16;
        script.promptTokens = 31;
        return openAiStream(script);
    });
    reconfigure([](AppConfig& config) {
        ProviderProfile demo = config.profiles.constFirst();
        demo.id = u"demo"_s;
        demo.displayName = u"Demo"_s;
        config.profiles.append(demo);
        const auto price = [](double in, double out) {
            ModelPrice m;
            m.base.input = in;
            m.base.output = out;
            return m;
        };
        config.priceOverrides.insert(u"demo/swift-mini"_s, price(0.15, 0.6));
        config.priceOverrides.insert(u"demo/balanced-pro"_s, price(2.5, 10));
        config.priceOverrides.insert(u"demo/deep-reasoner"_s, price(3, 15));
    });

    CompareSetup setup;
    for (const QString& model : {u"swift-mini"_s, u"balanced-pro"_s, u"deep-reasoner"_s}) {
        CompareColumnSetup c;
        c.overrides.model = u"demo/"_s + model;
        setup.columns.append(c);
    }
    setup.repeat = 3; // three runs each: the history charts get a spread
    run(setup, u"Summarize the TCP handshake in one paragraph."_s);
    QCOMPARE(page()->lanes().at(0)->repeatStats().succeeded, 3);
    page()->board()->columns().at(1)->findChild<QToolButton*>(u"rateGood"_s)->click();
    page()->board()->columns().at(0)->findChild<QToolButton*>(u"ratePoor"_s)->click();
    page()->board()->columns().at(2)->bestButton()->click();
    QApplication::processEvents();
    QTest::qWait(100); // queued chart replots
    saveShot(*m_window, u"compare_three_models.png"_s);

    m_window->history().flush();
    page()->showHistoryCharts();
    QDialog* charts = nullptr;
    QTRY_VERIFY((charts = page()->findChild<QDialog*>(u"historyChartsDialog"_s)) != nullptr);
    QTRY_VERIFY(charts->isVisible());
    QTest::qWait(100);
    saveShot(*charts, u"compare_history_charts.png"_s);
    // The charts export as PNG and PDF.
    QVERIFY(page()->charts()->exportAll(m_dir->path(), u".png"_s));
    QVERIFY(page()->charts()->exportAll(m_dir->path(), u".pdf"_s));
    QVERIFY(QFileInfo(m_dir->filePath(u"throughput.pdf"_s)).size() > 1000);
    QVERIFY(QFileInfo(m_dir->filePath(u"latency.png"_s)).size() > 1000);
    charts->close();
}

QTEST_MAIN(TestComparePage)
#include "TestComparePage.moc"
