// SPDX-License-Identifier: GPL-3.0-or-later
// The chat: conversation list, transcript, composer and settings panel over a ChatSession (core), which sends,
// stops, regenerates, branches, deletes with undo, exports and imports. The page shows the session and hands it
// the user's gestures; the model is the shared picker in the window's toolbar.
#pragma once

#include "chat/BranchPosition.h"
#include "storage/HistoryRecords.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QTimer;

namespace juxta {

class AnswerEngine;
class AnswerRun;
class AnswerStreamer;
class CatalogService;
class ChatSession;
class ChatSettingsPanel;
class Composer;
class ConfigStore;
class ConversationSidebar;
class FrameTicker;
class HistoryService;
class ModelPicker;
class TranscriptView;
struct ChatSettings;
struct HistoryOpenReport;

class ChatPage final : public QWidget
{
    Q_OBJECT

public:
    ChatPage(ConfigStore& config, AnswerEngine& engine, CatalogService& catalog, HistoryService& history,
             ModelPicker& picker, QWidget* parent = nullptr);
    ~ChatPage() override;

    void newConversation();
    void openConversation(const QString& id);
    void send(const QString& text);
    void stop();
    void regenerate(const QString& answerId);
    void regenerateWith(const QString& answerId, const QString& model);
    void editMessage(const QString& userMessageId);
    void editLastMessage();
    void stepBranch(const QString& messageId, int step);
    void deleteConversation(const QString& id);
    void undoDelete();
    void exportConversation(const QString& id, const QString& path, const QString& format); // "json" or "md": lossless
    void openExportDialog(const QString& id); // a report in any format, or the lossless files
    void importConversation(const QString& path);
    void setSettingsPanelVisible(bool visible);
    bool isSettingsPanelVisible() const;
    void refreshList(); // the conversation list, e.g. after a conversation was added elsewhere

    QString currentConversationId() const;
    bool isStreaming() const;
    TranscriptView* transcript() const { return m_transcript; }
    Composer* composer() const { return m_composer; }
    ConversationSidebar* sidebar() const { return m_sidebar; }
    ChatSettingsPanel* settingsPanel() const { return m_settings; }
    ChatSession* session() const { return m_session; }
    QSplitter* splitter() const { return m_splitter; }

signals:
    void conversationOpened(const QString& id);
    void answerFinished(const juxta::MessageRecord& answer);
    void statusMessage(const QString& text, int timeoutMs);
    void historyProblem(const QString& text); // the history file could not be used as it was: say so plainly
    void undoAvailable(const QString& text);
    void exported(const QString& path, bool ok);
    void imported(const QString& conversationId, const QStringList& warnings);
    void listRefreshed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onHistoryOpened(const HistoryOpenReport& report);
    void onConversationShown();
    void onQuestionSent(const MessageRecord& question);
    void onAnswerStarted(const MessageRecord& answer, AnswerRun* run);
    void onAnswerFinished(const MessageRecord& answer);
    void resetView();
    void showPath(const QString& leafId);
    QList<BranchPosition> branchesOf(const QList<MessageRecord>& path) const;
    BranchPosition branchOf(const QString& messageId) const;
    ChatSettings currentSettings() const;
    void updateEstimate();
    void updateReasoningAvailability();

    ConfigStore& m_config;
    AnswerEngine& m_engine;
    CatalogService& m_catalog;
    ModelPicker& m_picker;

    ChatSession* m_session;
    FrameTicker* m_ticker;
    QSplitter* m_splitter;
    ConversationSidebar* m_sidebar;
    TranscriptView* m_transcript;
    Composer* m_composer;
    ChatSettingsPanel* m_settings;
    QTimer* m_estimateDelay;

    QString m_editParentId;            // set while the composer edits an earlier message
    bool m_editing = false;
    bool m_branching = false;          // the question being sent starts a new branch (an edit)
    QString m_anotherModelFor;         // the answer "Try another model…" was asked for
    QPointer<AnswerStreamer> m_streamer;
};

} // namespace juxta
