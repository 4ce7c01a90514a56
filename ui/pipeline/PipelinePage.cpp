// SPDX-License-Identifier: GPL-3.0-or-later
// PipelinePage, first part: building the view, its actions and the editing gestures.
#include "pipeline/PipelinePage.h"

#include "catalog/CatalogService.h"
#include "common/FrameTicker.h"
#include "config/ConfigStore.h"
#include "pipeline/EdgeItem.h"
#include "pipeline/NodeInspector.h"
#include "pipeline/NodePalette.h"
#include "pipeline/OutlinePanel.h"
#include "pipeline/PipelineDialogs.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelineFragment.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/PipelineView.h"
#include "pipeline/RunPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

PipelinePage::PipelinePage(ConfigStore& config, SecretStore& secrets, AnswerEngine& engine, CatalogService& catalog,
                           QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_editor(new PipelineEditor(this))
    , m_validateTimer(new QTimer(this))
    , m_ticker(new FrameTicker(this))
{
    setObjectName(u"pipelinePage"_s);
    m_scene = new PipelineScene(m_editor->document(), this);
    m_view = new PipelineView(m_scene, this);
    m_view->setObjectName(u"pipelineView"_s);
    m_inspector = new NodeInspector(*m_editor, config.config(), catalog.catalog(), this);
    m_outline = new OutlinePanel(m_editor->document(), this);
    m_runPanel = new RunPanel(this);
    m_palette = new NodePalette(this);
    m_addPopup = new AddNodePopup(this);
    m_estimate = new QLabel(this);
    m_estimate->setObjectName(u"pipelineEstimate"_s);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recentMenu = new QMenu(tr("Open &recent pipeline"), this);
    m_recentMenu->setObjectName(u"pipelineRecentMenu"_s);
    m_examplesMenu = new QMenu(tr("Open e&xample pipeline"), this);
    m_examplesMenu->setObjectName(u"pipelineExamplesMenu"_s);
    if (!config.config().recentModels.isEmpty())
        m_lastModel = config.config().recentModels.constFirst();

    createActions();
    buildLayout();
    rebuildRecentMenu();
    rebuildExamplesMenu();

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &PipelinePage::selectionChanged);
    connect(m_scene, &PipelineScene::nodesDragged, this, [this](const QHash<QString, QPointF>& to) {
        QHash<QString, QPointF> places;
        for (auto it = to.begin(); it != to.end(); ++it)
            places.insert(it.key(), m_editor->snapToGrid() ? PipelineEditor::snapped(it.value()) : it.value());
        m_editor->moveNodes(places);
    });
    connect(m_scene, &PipelineScene::connectRequested, this, [this](const Edge& edge) {
        QString why;
        if (!m_editor->connectNodes(edge, &why))
            emit statusMessage(tr("Not connected: %1").arg(why), 6000);
    });
    connect(m_scene, &PipelineScene::connectRefused, this,
            [this](const QString& why) { emit statusMessage(tr("Not connected: %1").arg(why), 6000); });
    connect(m_scene, &PipelineScene::nodeMenuRequested, this, &PipelinePage::showNodeMenu);
    connect(m_scene, &PipelineScene::canvasMenuRequested, this, [this](QPointF at, QPoint screen) {
        m_addAt = at;
        m_addPopup->popUp(screen);
    });
    connect(m_view, &PipelineView::addNodeRequested, this, [this](QPointF at) {
        m_addAt = at;
        m_addPopup->popUp(m_view->viewport()->mapToGlobal(m_view->mapFromScene(at)));
    });
    connect(m_view, &PipelineView::dropNodeRequested, this, [this](NodeKind kind, QPointF at) { addNode(kind, at); });
    connect(m_view, &PipelineView::nudgeRequested, this, &PipelinePage::nudge);
    connect(m_view, &PipelineView::deleteRequested, this, &PipelinePage::deleteSelection);
    connect(m_addPopup, &AddNodePopup::chosen, this, [this](NodeKind kind) {
        addNode(kind, std::exchange(m_addAt, std::nullopt));
        m_view->setFocus();
    });
    connect(m_palette, &NodePalette::addRequested, this, [this](NodeKind kind) { addNode(kind); });
    connect(m_outline, &OutlinePanel::nodeActivated, this, &PipelinePage::selectNode);
    connect(m_outline, &OutlinePanel::edgeActivated, this, [this](const Edge& edge) {
        m_scene->selectOnly({}, {edge});
        if (EdgeItem* item = m_scene->edgeItem(edge))
            m_view->ensureVisible(item);
    });
    connect(m_runPanel, &RunPanel::nodeActivated, this, &PipelinePage::selectNode);
    connect(m_inspector, &NodeInspector::statusMessage, this, &PipelinePage::statusMessage);
    connect(m_inspector, &NodeInspector::modelUsed, this, [this](const QString& model) { m_lastModel = model; });
    connect(m_editor, &PipelineEditor::modifiedChanged, this, &PipelinePage::updateTitle);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, &PipelinePage::validateNow);
    connect(&m_editor->document(), &PipelineDocument::changed, this, &PipelinePage::scheduleValidation);
    connect(m_ticker, &FrameTicker::tick, this, &PipelinePage::onFrame);
    newPipeline();
}

PipelinePage::~PipelinePage()
{
    m_runner.reset(); // answers still streaming are saved as stopped, with what arrived
    // The views go before the editor whose document they show, and tell this half-destroyed page nothing.
    disconnect(m_scene, nullptr, this, nullptr);
    delete m_view;
    delete m_scene;
    delete m_inspector;
    delete m_outline;
}

QAction* PipelinePage::makeAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                                  std::function<void()> slot, QList<QAction*>* group)
{
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only inside the Pipeline view
    connect(action, &QAction::triggered, this, std::move(slot));
    addAction(action);
    if (group)
        group->append(action);
    return action;
}

void PipelinePage::createActions()
{
    QList<QAction*>* files = &m_fileActions;
    makeAction(u"pipelineNew"_s, tr("New pi&peline"), QKeySequence(u"Ctrl+Alt+N"_s), [this] {
        if (maybeSave())
            newPipeline();
    }, files);
    makeAction(u"pipelineOpen"_s, tr("&Open pipeline…"), QKeySequence::Open, [this] { openWithDialog(); }, files);
    makeAction(u"pipelineSave"_s, tr("&Save pipeline"), QKeySequence::Save, [this] { save(); }, files);
    makeAction(u"pipelineSaveAs"_s, tr("Save pipeline &as…"), QKeySequence(u"Ctrl+Alt+S"_s), [this] { saveAs(); }, files);

    QList<QAction*>* edit = &m_editActions;
    QAction* undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"pipelineUndo"_s);
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"pipelineRedo"_s);
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(u"Ctrl+Y"_s)});
    for (QAction* a : {undo, redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        edit->append(a);
    }
    makeAction(u"pipelineUndoHistory"_s, tr("Undo &history"), QKeySequence(u"Ctrl+Alt+Z"_s), [this] {
        if (!m_undoView) {
            m_undoView = new QUndoView(m_editor->undoStack(), this);
            m_undoView->setObjectName(u"pipelineUndoHistory"_s);
            m_undoView->setWindowFlag(Qt::Tool);
            m_undoView->setWindowTitle(tr("Undo history"));
            m_undoView->setAccessibleName(tr("Undo history"));
            m_undoView->setAccessibleDescription(tr("Every edit of this pipeline; choose one to go back to it"));
            m_undoView->setEmptyLabel(tr("<empty pipeline>"));
            m_undoView->resize(320, 420);
        }
        m_undoView->show();
        m_undoView->raise();
    }, edit);
    makeAction(u"pipelineCut"_s, tr("Cu&t"), QKeySequence::Cut, [this] { cutSelection(); }, edit);
    makeAction(u"pipelineCopy"_s, tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); }, edit);
    makeAction(u"pipelinePaste"_s, tr("&Paste"), QKeySequence::Paste, [this] { paste(); }, edit);
    makeAction(u"pipelineDuplicate"_s, tr("&Duplicate"), QKeySequence(u"Ctrl+D"_s), [this] { duplicateSelection(); }, edit);
    makeAction(u"pipelineDelete"_s, tr("De&lete"), QKeySequence::Delete, [this] { deleteSelection(); }, edit);
    makeAction(u"pipelineSelectAll"_s, tr("Select &all nodes"), QKeySequence::SelectAll, [this] {
        QStringList all;
        for (const Node& n : m_editor->pipeline().nodes)
            all.append(n.name);
        m_scene->selectOnly(all);
    }, edit);

    QList<QAction*>* pipe = &m_pipelineActions;
    makeAction(u"pipelineRun"_s, tr("&Run"), QKeySequence(u"Ctrl+Return"_s), [this] { run(); }, pipe)
        ->setToolTip(tr("Run the pipeline (Ctrl+Enter)"));
    makeAction(u"pipelineRunFrom"_s, tr("Run from &here"), QKeySequence(u"Ctrl+Shift+Return"_s),
               [this] { runFromSelection(); }, pipe)
        ->setToolTip(tr("Run the selected node and what follows it; the rest comes from the last run"));
    makeAction(u"pipelineStop"_s, tr("&Stop"), QKeySequence(u"Ctrl+."_s), [this] { stop(); }, pipe)->setEnabled(false);
    pipe->append(nullptr);
    makeAction(u"pipelineAddNode"_s, tr("&Add node…"), QKeySequence(u"Ctrl+Alt+A"_s), [this] {
        m_addAt = m_view->cursorScenePos();
        m_addPopup->popUp(m_view->viewport()->mapToGlobal(m_view->mapFromScene(*m_addAt)));
    }, pipe)->setToolTip(tr("Add a node (Space on the canvas)"));
    makeAction(u"pipelineConnect"_s, tr("&Connect…"), QKeySequence(u"Ctrl+K"_s), [this] { openConnectDialog(); }, pipe)
        ->setToolTip(tr("Connect the selected node (Ctrl+K)"));
    makeAction(u"pipelineExpand"_s, tr("Show &more output"), QKeySequence(u"Ctrl+Alt+E"_s), [this] {
        for (const QString& n : m_scene->selectedNodes())
            if (NodeItem* item = m_scene->nodeItem(n))
                item->setExpanded(!item->isExpanded());
    }, pipe);
    makeAction(u"pipelineOutlineFocus"_s, tr("Go to the &outline"), QKeySequence(u"Ctrl+Alt+O"_s),
               [this] { m_outline->setFocus(); }, pipe);
    makeAction(u"pipelineInspectorFocus"_s, tr("Go to the insp&ector"), QKeySequence(u"Ctrl+Alt+I"_s),
               [this] { m_inspector->focusFirstField(); }, pipe);
    makeAction(u"pipelineCanvasFocus"_s, tr("Go to the ca&nvas"), QKeySequence(u"Ctrl+Alt+C"_s),
               [this] { m_view->setFocus(); }, pipe);
    pipe->append(nullptr);
    makeAction(u"pipelineArrange"_s, tr("Arran&ge automatically"), QKeySequence(u"Ctrl+Alt+L"_s),
               [this] { m_editor->arrange(); m_view->fitAll(m_scene->itemsRect()); }, pipe);
    makeAction(u"pipelineFit"_s, tr("&Fit to view"), QKeySequence(u"Ctrl+0"_s),
               [this] { m_view->fitAll(m_scene->itemsRect()); }, pipe);
    makeAction(u"pipelineZoomIn"_s, tr("Zoom &in"), QKeySequence::ZoomIn, [this] { m_view->zoomIn(); }, pipe);
    makeAction(u"pipelineZoomOut"_s, tr("Zoom o&ut"), QKeySequence::ZoomOut, [this] { m_view->zoomOut(); }, pipe);
    QAction* snap = makeAction(u"pipelineSnap"_s, tr("Sna&p to grid"), {}, [] {}, pipe);
    snap->setCheckable(true);
    snap->setChecked(m_editor->snapToGrid());
    connect(snap, &QAction::toggled, this, [this](bool on) { m_editor->setSnapToGrid(on); });
}

QAction* PipelinePage::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

void PipelinePage::buildLayout()
{
    auto* bar = new QToolBar(this);
    bar->setObjectName(u"pipelineToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char* name : {"pipelineOpen", "pipelineSave"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    for (const char* name : {"pipelineRun", "pipelineStop", "pipelineRunFrom"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    for (const char* name : {"pipelineUndo", "pipelineRedo"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    for (const char* name : {"pipelineAddNode", "pipelineConnect", "pipelineArrange", "pipelineFit"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    bar->addWidget(m_estimate);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(u"pipelineLeft"_s);
    auto* paletteBox = new QWidget(left);
    auto* paletteLayout = new QVBoxLayout(paletteBox);
    paletteLayout->setContentsMargins(0, 0, 0, 0);
    auto* paletteLabel = new QLabel(tr("&Nodes — drag onto the canvas"), paletteBox);
    paletteLabel->setBuddy(m_palette);
    paletteLayout->addWidget(paletteLabel);
    paletteLayout->addWidget(m_palette);
    left->addWidget(paletteBox);
    left->addWidget(m_outline);
    left->setStretchFactor(0, 0);
    left->setStretchFactor(1, 1);
    m_palette->setMaximumHeight(m_palette->sizeHintForRow(0) * 8 + 8);

    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->setObjectName(u"pipelineCentre"_s);
    centre->addWidget(m_view);
    centre->addWidget(m_runPanel);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 1);
    centre->setSizes({560, 240});

    auto* scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Inspector"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_inspector);
    scroll->setMinimumWidth(340);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the fields wrap to the panel's width

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"pipelineSplitter"_s);
    split->addWidget(left);
    split->addWidget(centre);
    split->addWidget(scroll);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({190, 760, 400});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(split, 1);
}

QString PipelinePage::addNode(NodeKind kind, std::optional<QPointF> at)
{
    const QPointF place = at ? *at : m_view->mapToScene(m_view->viewport()->rect().center())
                                         - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    const QString name = m_editor->addNode(kind, place, kind == NodeKind::Model ? m_lastModel : QString());
    if (!name.isEmpty())
        selectNode(name);
    return name;
}

void PipelinePage::selectNode(const QString& name)
{
    m_scene->selectOnly({name});
    if (NodeItem* item = m_scene->nodeItem(name))
        m_view->ensureVisible(item, 40, 40);
}

void PipelinePage::selectionChanged()
{
    const QStringList nodes = m_scene->selectedNodes();
    const QString shown = nodes.size() == 1 ? nodes.constFirst() : QString();
    if (shown != m_inspector->shownNode())
        m_inspector->showNode(shown);
    const NodeRun* run = m_record.node(shown);
    m_inspector->setRun(run ? std::optional(*run) : std::nullopt);
    action(u"pipelineRunFrom"_s)->setEnabled(!shown.isEmpty() && !isRunning());
    action(u"pipelineConnect"_s)->setEnabled(!shown.isEmpty());
}

void PipelinePage::deleteSelection()
{
    const QStringList nodes = m_scene->selectedNodes();
    const QList<Edge> edges = m_scene->selectedEdges();
    if (!nodes.isEmpty()) {
        m_editor->removeNodes(nodes);
        return;
    }
    for (const Edge& e : edges)
        m_editor->removeEdge(e);
}

void PipelinePage::copySelection()
{
    const QStringList nodes = m_scene->selectedNodes();
    if (nodes.isEmpty())
        return;
    const QByteArray json = m_editor->copy(nodes);
    auto* mime = new QMimeData;
    mime->setData(kPipelineMimeType, json);
    mime->setText(QString::fromUtf8(json)); // pipeline JSON: readable and pasteable anywhere
    QApplication::clipboard()->setMimeData(mime);
    emit statusMessage(tr("Copied %n node(s)", nullptr, int(nodes.size())), 3000);
}

void PipelinePage::cutSelection()
{
    copySelection();
    m_editor->removeNodes(m_scene->selectedNodes());
}

void PipelinePage::paste()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    const QByteArray bytes = !mime ? QByteArray()
                             : mime->hasFormat(kPipelineMimeType) ? mime->data(kPipelineMimeType)
                                                                  : mime->text().toUtf8();
    QString error;
    const QPointF at = m_view->cursorScenePos();
    const QStringList pasted = m_editor->paste(bytes, at, &error);
    if (pasted.isEmpty()) {
        emit statusMessage(error.isEmpty() ? tr("Nothing to paste.") : error, 8000);
        return;
    }
    m_scene->selectOnly(pasted);
}

void PipelinePage::duplicateSelection()
{
    const QStringList copies = m_editor->duplicate(m_scene->selectedNodes());
    if (!copies.isEmpty())
        m_scene->selectOnly(copies);
}

void PipelinePage::openConnectDialog()
{
    const QStringList nodes = m_scene->selectedNodes();
    if (nodes.size() != 1) {
        emit statusMessage(tr("Select one node to connect."), 4000);
        return;
    }
    auto* dialog = new ConnectDialog(m_editor->pipeline(), nodes.constFirst(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<Edge> edge = dialog->chosenEdge()) {
            QString why;
            if (!m_editor->connectNodes(*edge, &why))
                emit statusMessage(tr("Not connected: %1").arg(why), 6000);
        }
    });
    dialog->open();
}

void PipelinePage::nudge(QPointF by)
{
    QHash<QString, QPointF> to;
    for (const QString& n : m_scene->selectedNodes())
        to.insert(n, m_editor->pipeline().positions.value(n) + by);
    m_editor->moveNodes(to, true);
}

void PipelinePage::showNodeMenu(const QString& node, QPoint screenPos)
{
    QMenu menu(this);
    menu.addAction(action(u"pipelineRunFrom"_s));
    menu.addAction(action(u"pipelineConnect"_s));
    menu.addAction(action(u"pipelineExpand"_s));
    menu.addSeparator();
    for (const char* name : {"pipelineCut", "pipelineCopy", "pipelineDuplicate", "pipelineDelete"})
        menu.addAction(action(QString::fromLatin1(name)));
    Q_UNUSED(node)
    menu.exec(screenPos);
}

} // namespace juxta
