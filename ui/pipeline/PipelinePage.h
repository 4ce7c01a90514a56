// SPDX-License-Identifier: GPL-3.0-or-later
// The Pipeline view (Ctrl+3): palette and outline on the left, the canvas in the middle with the run panel under
// it, the inspector on the right. It wires gestures to the editor (every change undoable), shows the core's
// validation and estimate, and runs the pipeline through the core's PipelineRunner — the page itself never runs an
// answer or writes history. Its shortcuts only work while focus is inside it: Ctrl+N, Ctrl+F and Ctrl+Shift+S keep
// meaning what they mean in the rest of the window. Files: PipelinePageFiles.cpp; running: PipelinePageRun.cpp.
#pragma once

#include "pipeline/PipelineValidator.h"
#include "pipeline/RunRecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QPointer>
#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QUndoView;

namespace juxta {

class AddNodePopup;
class AnswerEngine;
class CatalogService;
class ConfigStore;
class FrameTicker;
class HistoryService;
class NodeInspector;
class NodePalette;
class OutlinePanel;
class PipelineEditor;
class PipelineRunner;
class PipelineScene;
class PipelineView;
class RunPanel;
class SecretStore;

class PipelinePage final : public QWidget
{
    Q_OBJECT

public:
    PipelinePage(ConfigStore& config, SecretStore& secrets, AnswerEngine& engine, CatalogService& catalog,
                 QWidget* parent = nullptr);
    ~PipelinePage() override; // a run still going is stopped; what arrived is kept

    PipelineEditor& editor() const { return *m_editor; }
    PipelineScene* scene() const { return m_scene; }
    PipelineView* view() const { return m_view; }
    NodeInspector* inspector() const { return m_inspector; }
    OutlinePanel* outline() const { return m_outline; }
    RunPanel* runPanel() const { return m_runPanel; }
    NodePalette* nodePalette() const { return m_palette; }
    AddNodePopup* addNodePopup() const { return m_addPopup; }
    QAction* action(const QString& name) const; // by object name: "pipelineRun", "pipelineUndo", …
    QList<QAction*> fileActions() const { return m_fileActions; }
    QList<QAction*> editActions() const { return m_editActions; }
    QList<QAction*> pipelineActions() const { return m_pipelineActions; }
    QMenu* recentMenu() const { return m_recentMenu; }
    QMenu* examplesMenu() const { return m_examplesMenu; }

    // Editing (each one undoable)
    QString addNode(NodeKind kind, std::optional<QPointF> at = std::nullopt); // at the view's centre by default
    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void openConnectDialog();
    void selectNode(const QString& name);

    // Files (PipelinePageFiles.cpp)
    void newPipeline();
    bool openFile(const QString& path, QString* error = nullptr);
    bool saveTo(const QString& path, QString* error = nullptr);
    bool save();
    bool saveAs();
    void openWithDialog();
    void openExample(const QString& file);
    bool maybeSave(); // asks before unsaved changes would be lost; false: the user cancelled
    QString filePath() const { return m_path; }
    QString title() const; // "summarize.juxta" with " •" while it has unsaved changes
    QStringList recentFiles() const;
    void setExamplesFolder(const QString& folder) { m_examplesFolder = folder; }

    // Running (PipelinePageRun.cpp). Variables: nullopt asks for them (remembered per pipeline).
    void run(std::optional<QHash<QString, QString>> variables = std::nullopt, const QString& fromNode = {});
    void runFromSelection();
    void stop();
    bool isRunning() const;
    const RunRecord& lastRecord() const { return m_record; }
    QList<PipelineProblem> problems() const { return m_problems; }
    void validateNow();
    QString estimateText() const;

signals:
    void statusMessage(const QString& text, int timeoutMs);
    void titleChanged(const QString& title);
    void runStarted();
    void runFinished(const juxta::RunRecord& record);

private:
    void createActions();
    QAction* makeAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                        std::function<void()> slot, QList<QAction*>* group);
    void buildLayout();
    void selectionChanged();
    void showNodeMenu(const QString& node, QPoint screenPos);
    void nudge(QPointF by);
    void updateTitle();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildExamplesMenu();
    QString settingsKey() const; // this pipeline's place in the app's settings
    QHash<QString, QString> rememberedVariables() const;
    void rememberVariables(const QHash<QString, QString>& values) const;
    void startRun(const QHash<QString, QString>& variables, const QString& fromNode);
    void discardRun(); // stopped, and forgotten by this page (the history keeps it)
    void onRunNodeChanged(const QString& node);
    void onFrame();
    void finishRun();
    void scheduleValidation();
    void updateEstimate();

    ConfigStore& m_config;
    SecretStore& m_secrets;
    AnswerEngine& m_engine;
    CatalogService& m_catalog;
    PipelineEditor* m_editor;
    PipelineScene* m_scene;
    PipelineView* m_view;
    NodeInspector* m_inspector;
    OutlinePanel* m_outline;
    RunPanel* m_runPanel;
    NodePalette* m_palette;
    AddNodePopup* m_addPopup;
    QUndoView* m_undoView = nullptr;
    QLabel* m_estimate;
    QMenu* m_recentMenu;
    QMenu* m_examplesMenu;
    QList<QAction*> m_fileActions;
    QList<QAction*> m_editActions;
    QList<QAction*> m_pipelineActions;
    QString m_path;
    QString m_examplesFolder;
    QString m_lastModel; // new model nodes start with the model used last
    std::optional<QPointF> m_addAt;

    // Validation and the run
    QList<PipelineProblem> m_problems;
    QHash<QString, QString> m_keyProblems;
    QTimer* m_validateTimer;
    std::unique_ptr<PipelineRunner> m_runner;
    RunRecord m_record;
    FrameTicker* m_ticker;
    QSet<QString> m_dirtyNodes;
    QElapsedTimer m_runClock;
    QStringList m_checkedProfiles; // the profiles whose keys were last looked for
    bool m_checkingBudget = false;
    quint64 m_runGeneration = 0;
};

} // namespace juxta
