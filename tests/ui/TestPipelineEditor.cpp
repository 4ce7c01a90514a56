// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline editor driven as a person would, against the fake provider over 127.0.0.1 and a real history:
// "Summarize, then format" built with the palette, the inspector and connections dragged between ports; run with
// each node's figures and output checked; run again from the second node (the server sees only that node's request);
// every step undone to an empty canvas and redone, saving the same bytes. Copy and paste with internal edges within
// a pipeline and into a new one, foreign text refused. A keyboard-only build-connect-run. Screenshots of the editor
// mid-run and of the run panel.
// (Longer than 500 lines: one scenario per acceptance point of the editor, on one fixture — the fake server's two
// scripted models and a window.)
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "catalog/ModelPicker.h"
#include "config/ConfigStore.h"
#include "pipeline/NodeInspector.h"
#include "pipeline/NodeItem.h"
#include "pipeline/NodePalette.h"
#include "pipeline/OutlinePanel.h"
#include "pipeline/PipelineDialogs.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelinePage.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/PipelineView.h"
#include "pipeline/PromptEdit.h"
#include "pipeline/RunPanel.h"
#include "shell/MainWindow.h"
#include "storage/HistoryService.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

QStringList piecesFor(const QString& model)
{
    if (model == u"brief"_s)
        return {u"Juxta compares"_s, u" models side by side."_s, u" It keeps keys safe."_s};
    return {u"**Juxta**\n"_s, u"- compares models\n"_s, u"- keeps keys safe\n"_s, u"- runs pipelines\n"_s,
            u"- shows what each step cost\n"_s, u"- and how long it took"_s};
}

void saveShot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(widget.grab().toImage().save(dir + u'/' + name));
}

int rowOf(QListWidget* list, NodeKind kind)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == nodeKindName(kind))
            return i;
    }
    return -1;
}

} // namespace

class TestPipelineEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void summarizeThenFormatThroughTheEditor();
    void copyAndPasteKeepInternalEdges();
    void keyboardOnlyBuildConnectAndRun();
    void incompatiblePortsAreRefusedWhileDragging();
    void examplesOpenAndUnsavedChangesAreAskedAbout();

private:
    PipelinePage* page() const { return m_window->pipelinePage(); }
    QString addFromPalette(NodeKind kind);
    void rename(const QString& to);
    void dragConnect(const QString& from, const QString& to, const QString& fromPort = {});
    void waitForRun(int timeoutMs = 20'000);
    int requestsFor(const QString& model) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProviderServer> m_server;
    MainWindow* m_window = nullptr;
};

void TestPipelineEditor::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    m_server->setResponder([](const RecordedRequest& request) {
        const QString model = request.json().value(u"model"_s).toString();
        StreamScript script;
        script.model = model;
        script.pieces = piecesFor(model);
        script.delayMs = model == u"brief"_s ? 40 : 160;
        script.promptTokens = model == u"brief"_s ? 120 : 40;
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
        const auto price = [](double in, double out) {
            ModelPrice m;
            m.base.input = in;
            m.base.output = out;
            return m;
        };
        config.priceOverrides.insert(u"fake/brief"_s, price(0.15, 0.6));
        config.priceOverrides.insert(u"fake/formatter"_s, price(2.5, 10));
        config.recentModels = {u"fake/brief"_s};
    }));
    m_window = new MainWindow(m_dir->filePath(u"config.json"_s), nullptr, m_dir->filePath(u"history.sqlite"_s));
    m_window->resize(1500, 940);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->showPipeline();
    page()->setExamplesFolder(m_dir->filePath(u"examples"_s));
}

void TestPipelineEditor::cleanup()
{
    if (m_window)
        page()->editor().markSaved(); // nothing to ask about on close
    delete m_window;
    m_window = nullptr;
    m_server.reset();
    m_dir.reset();
}

QString TestPipelineEditor::addFromPalette(NodeKind kind)
{
    NodePalette* palette = page()->nodePalette();
    QListWidgetItem* item = palette->item(rowOf(palette, kind));
    palette->setCurrentItem(item);
    const QStringList before = page()->scene()->selectedNodes();
    emit palette->itemActivated(item); // Enter or a double-click on the palette
    const QStringList selected = page()->scene()->selectedNodes();
    return selected.size() == 1 ? selected.constFirst() : QString();
}

void TestPipelineEditor::rename(const QString& to)
{
    QLineEdit* name = page()->inspector()->nameField();
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, to);
    QTest::keyClick(name, Qt::Key_Return);
}

void TestPipelineEditor::dragConnect(const QString& from, const QString& to, const QString& fromPort)
{
    PipelineView* view = page()->view();
    NodeItem* a = page()->scene()->nodeItem(from);
    NodeItem* b = page()->scene()->nodeItem(to);
    QVERIFY(a && b);
    view->ensureVisible(a);
    const QPoint start = view->mapFromScene(a->mapToScene(a->portPosition(true, fromPort)));
    const QPoint end = view->mapFromScene(b->mapToScene(QPointF(NodeItem::kWidth / 2, 44)));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view->viewport(), (start + end) / 2);
    QTest::mouseMove(view->viewport(), end);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
}

void TestPipelineEditor::waitForRun(int timeoutMs)
{
    QSignalSpy finished(page(), &PipelinePage::runFinished);
    QVERIFY(finished.wait(timeoutMs));
}

int TestPipelineEditor::requestsFor(const QString& model) const
{
    int count = 0;
    for (const RecordedRequest& r : m_server->requests())
        count += r.json().value(u"model"_s).toString() == model;
    return count;
}

void TestPipelineEditor::summarizeThenFormatThroughTheEditor()
{
    PipelineEditor& editor = page()->editor();
    NodeInspector* inspector = page()->inspector();

    // The run variable, from the inspector of the pipeline itself.
    page()->scene()->clearSelection();
    QPushButton* addVariable = inspector->findChild<QPushButton*>(u"addVariable"_s);
    QVERIFY(addVariable);
    QTest::mouseClick(addVariable, Qt::LeftButton);
    QCOMPARE(editor.pipeline().variables.size(), 1);
    QCOMPARE(editor.pipeline().variables.constFirst().name, u"input"_s);

    // Four nodes from the palette, named and set up in the inspector.
    QVERIFY(!addFromPalette(NodeKind::Input).isEmpty());
    rename(u"article"_s);
    QVERIFY(editor.pipeline().node(u"article"_s));
    QCOMPARE(editor.pipeline().node(u"article"_s)->variable, u"input"_s);

    QVERIFY(!addFromPalette(NodeKind::Model).isEmpty());
    rename(u"summary"_s);
    QCOMPARE(editor.pipeline().node(u"summary"_s)->model, u"fake/brief"_s); // the model used last
    QVERIFY(!addFromPalette(NodeKind::Model).isEmpty());
    rename(u"formatted"_s);
    inspector->modelPicker()->choose(u"fake/formatter"_s);
    QCOMPARE(editor.pipeline().node(u"formatted"_s)->model, u"fake/formatter"_s);
    QVERIFY(!addFromPalette(NodeKind::Output).isEmpty());
    rename(u"result"_s);
    QCOMPARE(editor.pipeline().nodes.size(), 4);

    // Spread them out, then connect port to port with the mouse.
    page()->action(u"pipelineArrange"_s)->trigger();
    dragConnect(u"article"_s, u"summary"_s);
    dragConnect(u"summary"_s, u"formatted"_s);
    dragConnect(u"formatted"_s, u"result"_s);
    QCOMPARE(editor.pipeline().edges.size(), 3);
    QVERIFY(editor.pipeline().hasEdge(u"summary"_s, u"formatted"_s));

    // Prompts typed into the inspector: {{names}} in reach are offered and highlighted.
    page()->selectNode(u"summary"_s);
    QVERIFY(inspector->promptEdit());
    QVERIFY(inspector->promptEdit()->namesInReach().contains(u"article"_s));
    QTest::keyClicks(inspector->promptEdit(), u"Summarize in three short sentences: {{article}}"_s);
    page()->selectNode(u"formatted"_s);
    QVERIFY(inspector->promptEdit()->namesInReach().contains(u"summary"_s));
    QTest::keyClicks(inspector->promptEdit(), u"Format as a Markdown list: {{summary}}"_s);
    QCOMPARE(editor.pipeline().node(u"formatted"_s)->prompt, u"Format as a Markdown list: {{summary}}"_s);
    page()->action(u"pipelineArrange"_s)->trigger();
    page()->validateNow();
    QVERIFY2(page()->problems().isEmpty(), qPrintable(page()->problems().isEmpty() ? QString() : page()->problems().constFirst().message));
    QVERIFY(page()->estimateText().contains(u"$"_s));

    const QString first = m_dir->filePath(u"summarize.juxta"_s);
    QVERIFY(page()->saveTo(first));
    QVERIFY(!editor.isModified());
    QVERIFY(m_window->windowTitle().startsWith(u"summarize.juxta — "_s));
    const int steps = editor.undoStack()->count();
    QVERIFY(steps >= 10);

    // Run: both models stream; the screenshot is taken while the second streams and the first shows its figures.
    QSignalSpy finished(page(), &PipelinePage::runFinished);
    page()->run(QHash<QString, QString>{{u"input"_s, u"Juxta is a desktop app for comparing language models."_s}});
    NodeItem* summary = page()->scene()->nodeItem(u"summary"_s);
    NodeItem* formatted = page()->scene()->nodeItem(u"formatted"_s);
    QTRY_VERIFY_WITH_TIMEOUT(formatted->state() == NodeState::Running && formatted->previewText().contains(u"compares"_s), 10'000);
    QCOMPARE(summary->state(), NodeState::Done);
    QVERIFY(summary->figures().contains(u"TTFT"_s));
    page()->view()->fitAll(page()->scene()->itemsRect());
    QTest::qWait(50);
    saveShot(*m_window, u"pipeline_editor_running.png"_s);
    QVERIFY(finished.wait(20'000));

    const RunRecord& record = page()->lastRecord();
    QCOMPARE(record.state, u"done"_s);
    QCOMPARE(record.node(u"summary"_s)->output.text, piecesFor(u"brief"_s).join(QString()));
    QCOMPARE(record.node(u"formatted"_s)->output.text, piecesFor(u"formatter"_s).join(QString()));
    QCOMPARE(record.node(u"result"_s)->output.text, piecesFor(u"formatter"_s).join(QString()));
    QCOMPARE(requestsFor(u"brief"_s), 1);
    QCOMPARE(requestsFor(u"formatter"_s), 1);
    // Figures on the nodes and in the run panel: time to first token, total, tokens and cost, from the record.
    for (const QString& name : {u"summary"_s, u"formatted"_s}) {
        NodeItem* item = page()->scene()->nodeItem(name);
        const NodeRun* run = record.node(name);
        QCOMPARE(item->state(), NodeState::Done);
        QVERIFY(run->ttftMs && run->outputTokens && run->costUsd);
        QVERIFY2(item->figures().contains(u"TTFT"_s) && item->figures().contains(u"$"_s), qPrintable(item->figures()));
        QVERIFY(run->totalMs() >= *run->ttftMs);
    }
    QVERIFY(record.node(u"formatted"_s)->totalMs() >= 6 * 160); // the scripted pauses
    QVERIFY(record.node(u"formatted"_s)->startedMs >= record.node(u"summary"_s)->finishedMs);
    QTableWidget* table = page()->runPanel()->table();
    QCOMPARE(table->rowCount(), 4);
    bool foundFormatted = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() != u"formatted"_s)
            continue;
        foundFormatted = true;
        QCOMPARE(table->item(row, 2)->text(), u"fake/formatter"_s);
        QVERIFY(!table->item(row, 3)->text().isEmpty());
        QVERIFY(table->item(row, 6)->text().startsWith(u"$"_s));
    }
    QVERIFY(foundFormatted);
    QVERIFY(page()->runPanel()->totals()->text().contains(u"$"_s));
    saveShot(*page()->runPanel(), u"pipeline_run_panel.png"_s);
    saveShot(*m_window, u"pipeline_run_finished.png"_s);

    // Run from the second node: the first is served from the cache; the server sees only the formatter again.
    page()->selectNode(u"formatted"_s);
    page()->action(u"pipelineRunFrom"_s)->trigger();
    auto* variables = page()->findChild<RunVariablesDialog*>();
    QVERIFY(variables);
    QCOMPARE(variables->field(u"input"_s)->text(), u"Juxta is a desktop app for comparing language models."_s); // remembered
    variables->accept();
    waitForRun();
    QCOMPARE(page()->lastRecord().node(u"summary"_s)->state, NodeState::Cached);
    QCOMPARE(page()->lastRecord().node(u"formatted"_s)->state, NodeState::Done);
    QCOMPARE(requestsFor(u"brief"_s), 1);
    QCOMPARE(requestsFor(u"formatter"_s), 2);
    QVERIFY(!editor.isModified()); // running changes nothing in the file

    // Undo every step to an empty canvas, then redo them all: the same bytes as saved.
    while (editor.undoStack()->canUndo())
        page()->action(u"pipelineUndo"_s)->trigger();
    QVERIFY(editor.pipeline().nodes.isEmpty());
    QVERIFY(editor.pipeline().edges.isEmpty());
    QVERIFY(editor.pipeline().variables.isEmpty());
    QVERIFY(page()->scene()->nodeItems().isEmpty());
    QVERIFY(page()->scene()->items().isEmpty()); // no item left behind, edges included
    while (editor.undoStack()->canRedo())
        page()->action(u"pipelineRedo"_s)->trigger();
    QCOMPARE(page()->scene()->nodeItems().size(), 4);
    const QString second = m_dir->filePath(u"again.juxta"_s);
    QVERIFY(page()->saveTo(second));
    QFile a(first), b(second);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
}

void TestPipelineEditor::copyAndPasteKeepInternalEdges()
{
    PipelineEditor& editor = page()->editor();
    const QString a = editor.addNode(NodeKind::Template, {0, 0});
    const QString b = editor.addNode(NodeKind::Model, {300, 0}, u"fake/brief"_s);
    const QString c = editor.addNode(NodeKind::Output, {600, 0});
    QVERIFY(editor.connectNodes({a, b, {}, {}}));
    QVERIFY(editor.connectNodes({b, c, {}, {}}));
    Node model = *editor.pipeline().node(b);
    model.prompt = u"Answer {{%1}}"_s.arg(a);
    QVERIFY(editor.updateNode(b, model, u"prompt"_s));

    // a and b copied: their edge comes along, b → c (c left behind) does not.
    page()->scene()->selectOnly({a, b});
    page()->action(u"pipelineCopy"_s)->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(u"juxta.pipeline"_s));
    page()->action(u"pipelinePaste"_s)->trigger();
    QCOMPARE(editor.pipeline().nodes.size(), 5);
    const QStringList pasted = page()->scene()->selectedNodes();
    QStringList expected{a + u"_2"_s, b + u"_2"_s};
    expected.sort();
    QCOMPARE(pasted, expected);
    QVERIFY(editor.pipeline().hasEdge(a + u"_2"_s, b + u"_2"_s));
    QVERIFY(!editor.pipeline().hasEdge(b + u"_2"_s, c));
    QCOMPARE(editor.pipeline().edges.size(), 3);
    QCOMPARE(editor.pipeline().node(b + u"_2"_s)->prompt, u"Answer {{%1_2}}"_s.arg(a)); // follows the copy
    QCOMPARE(editor.pipeline().node(b)->prompt, u"Answer {{%1}}"_s.arg(a));
    page()->action(u"pipelineUndo"_s)->trigger(); // a paste is one step
    QCOMPARE(editor.pipeline().nodes.size(), 3);

    // Into a new pipeline: the same names, the same edge.
    page()->newPipeline();
    QVERIFY(editor.pipeline().nodes.isEmpty());
    page()->action(u"pipelinePaste"_s)->trigger();
    QCOMPARE(editor.pipeline().nodes.size(), 2);
    QVERIFY(editor.pipeline().hasEdge(a, b));
    QCOMPARE(editor.pipeline().node(b)->model, u"fake/brief"_s);

    // Duplicate does the same in one step.
    page()->scene()->selectOnly({a, b});
    page()->action(u"pipelineDuplicate"_s)->trigger();
    QCOMPARE(editor.pipeline().nodes.size(), 4);
    QCOMPARE(editor.pipeline().edges.size(), 2);

    // Foreign text: refused with a message, nothing changes.
    QApplication::clipboard()->setText(u"Hello, this is not a pipeline"_s);
    const Pipeline before = editor.pipeline();
    page()->action(u"pipelinePaste"_s)->trigger();
    QVERIFY(editor.pipeline() == before);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"does not hold pipeline nodes"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QApplication::clipboard()->setText(u"{\"format\": \"juxta.pipeline\", \"version\": 1, \"nodes\": []}"_s);
    page()->action(u"pipelinePaste"_s)->trigger();
    QVERIFY(editor.pipeline() == before);
}

void TestPipelineEditor::keyboardOnlyBuildConnectAndRun()
{
    PipelineView* view = page()->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    // Space on the canvas: the "add node" popup; type to filter, Enter to add.
    QTest::keyClick(view, Qt::Key_Space);
    QTRY_VERIFY(page()->addNodePopup()->isVisible());
    QTest::keyClicks(page()->addNodePopup()->searchField(), u"model"_s);
    QTest::keyClick(page()->addNodePopup()->searchField(), Qt::Key_Return);
    QCOMPARE(page()->editor().pipeline().nodes.size(), 1);
    const QString model = page()->scene()->selectedNodes().value(0);
    QCOMPARE(page()->editor().pipeline().node(model)->model, u"fake/brief"_s);

    // The prompt: Tab from the name field through the inspector to the prompt.
    QTest::keyClick(view, Qt::Key_I, Qt::ControlModifier | Qt::AltModifier);
    QTRY_VERIFY(page()->inspector()->isAncestorOf(QApplication::focusWidget()));
    for (int i = 0; i < 8 && QApplication::focusWidget() != page()->inspector()->promptEdit(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), page()->inspector()->promptEdit());
    QTest::keyClicks(QApplication::focusWidget(), u"Say something short"_s);

    // Back to the canvas, an Output node, moved right with the arrow keys.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), view->viewport()->parentWidget() == view ? static_cast<QWidget*>(view) : view);
    QTest::keyClick(view, Qt::Key_Space);
    QTRY_VERIFY(page()->addNodePopup()->isVisible());
    QTest::keyClicks(page()->addNodePopup()->searchField(), u"outp"_s);
    QTest::keyClick(page()->addNodePopup()->searchField(), Qt::Key_Return);
    QCOMPARE(page()->editor().pipeline().nodes.size(), 2);
    const QString output = page()->scene()->selectedNodes().value(0);
    view->setFocus();
    const QPointF before = page()->editor().pipeline().positions.value(output);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(page()->editor().pipeline().positions.value(output), before + QPointF(300, 0));

    // The outline selects the model node; Connect… offers the output; Enter connects.
    QTest::keyClick(view, Qt::Key_O, Qt::ControlModifier | Qt::AltModifier);
    OutlinePanel* outline = page()->outline();
    QTRY_VERIFY(outline->hasFocus());
    outline->refreshNow();
    outline->setCurrentItem(outline->nodesBranch());
    for (int i = 0; i < 4 && page()->scene()->selectedNodes() != QStringList{model}; ++i) {
        QTest::keyClick(outline, Qt::Key_Down);
        QTest::keyClick(outline, Qt::Key_Return);
    }
    QCOMPARE(page()->scene()->selectedNodes(), QStringList{model});
    QTest::keyClick(outline, Qt::Key_K, Qt::ControlModifier);
    QPointer<ConnectDialog> connectDialog = page()->findChild<ConnectDialog*>();
    QTRY_VERIFY(connectDialog && connectDialog->isVisible());
    QCOMPARE(connectDialog->candidates().size(), 1);
    QTest::keyClick(connectDialog->list(), Qt::Key_Return);
    QVERIFY(page()->editor().pipeline().hasEdge(model, output));
    QTRY_VERIFY(!connectDialog || !connectDialog->isVisible());
    m_window->activateWindow(); // what the window manager does when a dialog closes; offscreen has none
    QVERIFY(QTest::qWaitForWindowActive(m_window));

    // Ctrl+Enter runs it.
    QSignalSpy finished(page(), &PipelinePage::runFinished);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(20'000));
    QCOMPARE(page()->lastRecord().state, u"done"_s);
    QCOMPARE(page()->lastRecord().node(output)->output.text, piecesFor(u"brief"_s).join(QString()));
    // Ctrl+Z takes the connection back; the three nudges before it are one step.
    QVERIFY(page()->action(u"pipelineUndo"_s)->isEnabled());
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(!page()->editor().pipeline().hasEdge(model, output), qPrintable(page()->editor().undoStack()->undoText()));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(page()->editor().pipeline().positions.value(output), before);
}

void TestPipelineEditor::incompatiblePortsAreRefusedWhileDragging()
{
    PipelineEditor& editor = page()->editor();
    const QString text = editor.addNode(NodeKind::Template, {0, 0});
    const QString input = editor.addNode(NodeKind::Input, {0, 300});
    const QString model = editor.addNode(NodeKind::Model, {400, 0}, u"fake/brief"_s);
    page()->view()->fitAll(page()->scene()->itemsRect());
    // Into an Input: refused, said why, nothing added.
    dragConnect(text, input);
    QVERIFY(editor.pipeline().edges.isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"an input takes nothing in"_s));
    // Text into a model's items port: refused (it maps over a list).
    PipelineView* view = page()->view();
    NodeItem* from = page()->scene()->nodeItem(text);
    NodeItem* to = page()->scene()->nodeItem(model);
    const QPoint start = view->mapFromScene(from->mapToScene(from->portPosition(true, {})));
    const QPoint items = view->mapFromScene(to->mapToScene(to->portPosition(false, kItemsPort)));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view->viewport(), items);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, items);
    QVERIFY(editor.pipeline().edges.isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"gives text, not a list"_s));
    // A loop: refused.
    dragConnect(text, model);
    QCOMPARE(editor.pipeline().edges.size(), 1);
    dragConnect(model, text);
    QCOMPARE(editor.pipeline().edges.size(), 1);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"loop"_s));
    // Deleting a node takes its edges; undo brings both back, never an edge without its node.
    page()->scene()->selectOnly({text});
    page()->action(u"pipelineDelete"_s)->trigger();
    QVERIFY(editor.pipeline().edges.isEmpty());
    QCOMPARE(editor.pipeline().nodes.size(), 2);
    page()->action(u"pipelineUndo"_s)->trigger();
    QCOMPARE(editor.pipeline().edges.size(), 1);
    QVERIFY(page()->scene()->edgeItem(editor.pipeline().edges.constFirst()));
}

void TestPipelineEditor::examplesOpenAndUnsavedChangesAreAskedAbout()
{
    QVERIFY(page()->examplesMenu()->actions().size() >= 4);
    page()->openExample(u"summarize-then-format.juxta"_s);
    QCOMPARE(page()->editor().pipeline().name, u"Summarize, then format"_s);
    QVERIFY(page()->filePath().startsWith(m_dir->filePath(u"examples"_s)));
    QCOMPARE(page()->scene()->nodeItems().size(), 4);
    QVERIFY(page()->recentFiles().contains(page()->filePath()));
    QVERIFY(!page()->editor().isModified());
    page()->action(u"pipelineArrange"_s)->trigger();
    QVERIFY(page()->editor().isModified());
    QVERIFY(m_window->windowTitle().contains(u"•"_s));
}

QTEST_MAIN(TestPipelineEditor)
#include "TestPipelineEditor.moc"
