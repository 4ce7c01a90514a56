// SPDX-License-Identifier: GPL-3.0-or-later
// The chat: conversation list, transcript, composer and settings panel, and what ties them to the history:
// sending, stopping, regenerating, editing (which branches), switching versions, deleting with undo, export and
// import. The model is the shared picker in the window's toolbar.
#pragma once

#include "chat/BranchPosition.h"
#include "chat/ConversationTree.h"
#include "common/MonotonicClock.h"
#include "routing/Scheduler.h"
#include "storage/HistoryRecords.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QSplitter;
class QTimer;

namespace juxta {

class AnswerStreamer;
class CatalogService;
class ChatSettingsPanel;
class Composer;
class ConfigStore;
class ConversationSidebar;
class FrameTicker;
class HistoryService;
class ModelPicker;
class SecretStore;
class TranscriptView;
struct ChatSettings;
struct HistoryOpenReport;

class ChatPage final : public QWidget
{
    Q_OBJECT

public:
    ChatPage(ConfigStore& config, SecretStore& secrets, QNetworkAccessManager& network, CatalogService& catalog,
             HistoryService& history, ModelPicker& picker, QWidget* parent = nullptr);
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
    void exportConversation(const QString& id, const QString& path, const QString& format);
    void importConversation(const QString& path);
    void setSettingsPanelVisible(bool visible);
    bool isSettingsPanelVisible() const;
    void refreshList(); // the conversation list, e.g. after a conversation was added elsewhere

    QString currentConversationId() const { return m_conversation.id; }
    bool isStreaming() const;
    TranscriptView* transcript() const { return m_transcript; }
    Composer* composer() const { return m_composer; }
    ConversationSidebar* sidebar() const { return m_sidebar; }
    ChatSettingsPanel* settingsPanel() const { return m_settings; }
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
    void showConversation(const ConversationRecord& record, const QList<MessageRecord>& messages);
    void showPath(const QString& leafId);
    QList<BranchPosition> branchesOf(const QList<MessageRecord>& path) const;
    BranchPosition branchOf(const QString& messageId) const;
    ChatSettings currentSettings() const;
    void saveSettings();
    void ensureConversation(const QString& firstMessage);
    void startAnswer(const QString& parentId, const QString& model);
    void onAnswerFinished(const MessageRecord& answer);
    MessageRecord newAnswer(const QString& parentId, const QString& model, MessageState state) const;
    void failWithoutCall(const QString& parentId, const QString& model, const QString& why);
    void updateEstimate();
    void updateReasoningAvailability();
    void setBusy(bool busy);

    ConfigStore& m_config;
    SecretStore& m_secrets;
    QNetworkAccessManager& m_network;
    CatalogService& m_catalog;
    HistoryService& m_history;
    ModelPicker& m_picker;

    SteadyClock m_clock;
    EventLoopScheduler m_scheduler;
    FrameTicker* m_ticker;
    QSplitter* m_splitter;
    ConversationSidebar* m_sidebar;
    TranscriptView* m_transcript;
    Composer* m_composer;
    ChatSettingsPanel* m_settings;
    QTimer* m_estimateDelay;

    ConversationRecord m_conversation; // id empty: a new conversation, created on the first send
    ConversationTree m_tree;
    QString m_leafId;
    QString m_editParentId;            // set while the composer edits an earlier message
    bool m_editing = false;
    QString m_anotherModelFor;         // the answer "Try another model…" was asked for
    QString m_lastDeleted;
    QPointer<AnswerStreamer> m_streamer;
    bool m_resolving = false;
    quint64 m_generation = 0;          // bumps whenever another conversation is shown
};

} // namespace juxta
