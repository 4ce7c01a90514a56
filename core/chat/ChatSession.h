// SPDX-License-Identifier: GPL-3.0-or-later
// The chat's behaviour without its widgets: the conversation shown (record, message tree, branch), sending and
// regenerating through the answer engine, stopping, switching branches, and every history change a chat makes
// (create, settings, rename, pin, delete with undo, export, import). The chat page shows it and hands it gestures.
#pragma once

#include "answer/ChatSettings.h"
#include "pricing/BudgetGuard.h"
#include "chat/ConversationFiles.h"
#include "chat/ConversationTree.h"
#include "report/ReportFile.h"
#include "storage/HistoryRecords.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace juxta {

class AnswerEngine;
class AnswerRun;
class HistoryService;

class ChatSession final : public QObject
{
    Q_OBJECT

public:
    ChatSession(AnswerEngine& engine, HistoryService& history, QObject* parent = nullptr);
    ~ChatSession() override; // an answer still streaming is saved as stopped, with what arrived

    const ConversationRecord& conversation() const { return m_conversation; } // id empty: not saved yet
    const ConversationTree& tree() const { return m_tree; }
    const QString& leafId() const { return m_leafId; }
    QList<MessageRecord> shownPath() const;
    bool isAnswering() const { return run() || m_resolving; }
    AnswerRun* run() const;

    void newConversation();           // stops what runs; nothing is written until the first send
    void open(const QString& id);     // read on the history's thread; conversationShown() follows
    void show(const Conversation& conversation);
    void showLeaf(const QString& leafId); // another branch of the conversation shown (not saved as current)
    void saveSettings(const ChatSettings& settings); // remembered with the conversation, once it exists

    // Under the budget guard: writes the question after `parentId` (the branch shown, or an earlier message's
    // parent when editing), creating the conversation on the first send, and starts its answer (questionSent(),
    // then answerStarted()). False when an answer is already on its way, the text is empty or no model is set.
    bool send(const QString& text, const QString& parentId, const ChatSettings& settings);
    // Another version of an answer, from the same question, with `settings` (their model may differ).
    bool regenerate(const QString& answerId, const ChatSettings& settings);
    // The send or regeneration the last budget warning held back, sent after all.
    void sendAnyway();
    void stop(); // what arrived is kept as stopped; before the keys are found nothing is sent at all
    // The sibling `step` away from `messageId`, down to its latest leaf, saved as the branch shown. Empty: none.
    QString stepBranch(const QString& messageId, int step);

    void rename(const QString& id, const QString& title);
    void setPinned(const QString& id, bool pinned);
    void remove(const QString& id); // undoable until the next start
    QString undoRemove();           // the id brought back, empty when there was nothing to undo

    void list(const QString& search, QObject* context, std::function<void(const QList<ConversationRecord>&)> done);
    // A report of conversation `id` (see ReportExport), built and written on the history's thread.
    void writeReport(const QString& id, const ReportOptions& options, ReportFormat format, const QString& path,
                     QObject* context, std::function<void(const ReportWriteResult&)> done);
    using ExportResult = std::pair<bool, QString>; // ok, error
    void exportConversation(const QString& id, const QString& path, ConversationFormat format, QObject* context,
                            std::function<void(const ExportResult&)> done);
    void importConversation(const QString& path, QObject* context, std::function<void(const ConversationImport&)> done);

signals:
    void conversationShown();                                // open() or show(): record, tree and leaf are new
    void conversationSaved(const juxta::ConversationRecord& record); // created, or its cost and time changed
    void busyChanged(bool busy);
    void problems(const QString& text);                      // some fallbacks could not be used (the answer goes on)
    // Over the budget: nothing was sent. A warning can be overridden with sendAnyway(); a block cannot.
    void budgetExceeded(const juxta::BudgetVerdict& verdict);
    void questionSent(const juxta::MessageRecord& question);   // in the tree, the leaf of the branch shown
    void answerStarted(const juxta::MessageRecord& answer, juxta::AnswerRun* run); // in the tree, on the branch shown
    void answerFinished(const juxta::MessageRecord& answer);

private:
    void guarded(const QString& parentId, const QString& text, const ChatSettings& settings, std::function<void()> go);
    void commitSend(const QString& text, const QString& parentId, const ChatSettings& settings);
    void ensureConversation(const QString& firstMessage, const ChatSettings& settings);
    void startAnswer(const QString& parentId, const ChatSettings& settings);
    void onAnswerFinished(const MessageRecord& answer);
    void setLeaf(const QString& leafId);

    AnswerEngine& m_engine;
    HistoryService& m_history;
    ConversationRecord m_conversation;
    ConversationTree m_tree;
    QString m_leafId;
    QString m_lastDeleted;
    std::function<void()> m_heldBack; // what a budget warning held back
    QPointer<AnswerRun> m_run;
    bool m_resolving = false;
    quint64 m_generation = 0; // bumps whenever another conversation is shown or a send is given up
};

} // namespace juxta
