// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ChatSession.h"

#include "answer/AnswerEngine.h"
#include "chat/ConversationTitle.h"
#include "report/ReportExport.h"
#include "storage/HistoryService.h"

using namespace Qt::StringLiterals;

namespace juxta {

ChatSession::ChatSession(AnswerEngine& engine, HistoryService& history, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_history(history)
{
    m_history.write([](ConversationStore& store) {
        store.purgeDeleted(); // deleted in an earlier session: the undo window is over
        return true;
    });
}

ChatSession::~ChatSession()
{
    // The run saves what arrived as stopped; the history service outlives this session.
    delete m_run.data();
}

AnswerRun* ChatSession::run() const
{
    return m_run;
}

QList<MessageRecord> ChatSession::shownPath() const
{
    return m_leafId.isEmpty() ? QList<MessageRecord>() : m_tree.pathTo(m_leafId);
}

void ChatSession::newConversation()
{
    stop();
    ++m_generation;
    m_heldBack = nullptr;
    m_conversation = ConversationRecord();
    m_tree = ConversationTree();
    m_leafId.clear();
}

void ChatSession::open(const QString& id)
{
    if (id.isEmpty() || id == m_conversation.id)
        return;
    m_history.read<std::optional<Conversation>>(
        [id](ConversationStore& store) { return store.loadConversation(id); }, this,
        [this](const std::optional<Conversation>& c) {
            if (c)
                show(*c);
        });
}

void ChatSession::show(const Conversation& conversation)
{
    stop(); // one answer at a time, in the conversation on screen; what arrived is kept as stopped
    ++m_generation;
    m_heldBack = nullptr;
    m_conversation = conversation.record;
    m_tree = ConversationTree(conversation.messages);
    m_leafId = m_tree.leafOrLatest(m_conversation.currentLeafId);
    emit conversationShown();
}

void ChatSession::showLeaf(const QString& leafId)
{
    m_leafId = leafId;
}

void ChatSession::setLeaf(const QString& leafId)
{
    m_leafId = leafId;
    const QString id = m_conversation.id;
    m_history.write([id, leafId](ConversationStore& store) { return store.setCurrentLeaf(id, leafId); });
}

void ChatSession::saveSettings(const ChatSettings& settings)
{
    if (m_conversation.id.isEmpty())
        return;
    m_conversation.settingsJson = settings.toJson();
    const QString id = m_conversation.id;
    const QByteArray json = m_conversation.settingsJson;
    m_history.write([id, json](ConversationStore& store) { return store.saveSettings(id, json); });
}

void ChatSession::ensureConversation(const QString& firstMessage, const ChatSettings& settings)
{
    if (!m_conversation.id.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_conversation.id = newRecordId();
    m_conversation.title = conversationTitleFor(firstMessage);
    m_conversation.createdAt = now;
    m_conversation.updatedAt = now;
    m_conversation.settingsJson = settings.toJson();
    const ConversationRecord record = m_conversation;
    m_history.write([record](ConversationStore& store) { return store.createConversation(record); });
    emit conversationSaved(record);
}

bool ChatSession::send(const QString& text, const QString& parentId, const ChatSettings& settings)
{
    if (isAnswering() || text.trimmed().isEmpty() || settings.model.isEmpty())
        return false;
    guarded(parentId, text, settings, [this, text, parentId, settings] { commitSend(text, parentId, settings); });
    return true;
}

bool ChatSession::regenerate(const QString& answerId, const ChatSettings& settings)
{
    const MessageRecord* answer = m_tree.find(answerId);
    if (!answer || isAnswering() || settings.model.isEmpty())
        return false;
    const QString parent = answer->parentId;
    guarded(parent, {}, settings, [this, parent, settings] { startAnswer(parent, settings); });
    return true;
}

void ChatSession::guarded(const QString& parentId, const QString& text, const ChatSettings& settings,
                          std::function<void()> go)
{
    QList<QString> texts;
    for (const MessageRecord& m : m_tree.pathTo(parentId))
        texts.append(m.content);
    if (!text.isEmpty())
        texts.append(text);
    const std::optional<SendEstimate> estimate = m_engine.estimate(settings, texts);
    m_resolving = true; // busy while the day's spending is read (at once when no limit is set)
    emit busyChanged(true);
    const quint64 generation = m_generation;
    m_engine.checkBudget(estimate ? estimate->cost : std::nullopt, this,
                         [this, generation, go = std::move(go)](const BudgetVerdict& verdict) {
        if (generation != m_generation)
            return; // stopped, or another conversation shown, meanwhile
        m_resolving = false;
        if (verdict.kind == BudgetVerdict::Kind::Allow) {
            go();
            return;
        }
        emit busyChanged(false);
        m_heldBack = verdict.kind == BudgetVerdict::Kind::Warn ? go : nullptr;
        emit budgetExceeded(verdict);
    });
}

void ChatSession::sendAnyway()
{
    if (const std::function<void()> go = std::exchange(m_heldBack, nullptr); go && !isAnswering())
        go();
}

void ChatSession::commitSend(const QString& text, const QString& parentId, const ChatSettings& settings)
{
    ensureConversation(text, settings);
    const MessageRecord question = AnswerEngine::newQuestion(m_conversation.id, parentId, text);
    m_history.write([question](ConversationStore& store) { return store.saveMessage(question); });
    m_tree.upsert(question);
    m_leafId = question.id;
    emit questionSent(question); // shown before its answer starts (which may be at once)
    startAnswer(question.id, settings);
}

void ChatSession::startAnswer(const QString& parentId, const ChatSettings& settings)
{
    m_heldBack = nullptr;
    m_resolving = true;
    emit busyChanged(true);
    const quint64 generation = m_generation;
    m_engine.prepare(m_tree.pathTo(parentId), settings, this,
                     [this, parentId, model = settings.model, generation](const PreparedAnswer& prepared) {
        if (generation != m_generation)
            return; // stopped, or another conversation shown, while the keychain answered (stop() tidied up)
        m_resolving = false;
        const MessageRecord fresh = AnswerEngine::newAnswer(m_conversation.id, parentId, model);
        if (!prepared.isReady()) {
            const MessageRecord failed = m_engine.recordUnsent(fresh, prepared.problems.join(u"; "_s));
            m_tree.upsert(failed);
            m_leafId = failed.id;
            emit busyChanged(false);
            emit answerFinished(failed);
            return;
        }
        if (!prepared.problems.isEmpty())
            emit problems(prepared.problems.join(u"; "_s));
        m_tree.upsert(fresh);
        m_leafId = fresh.id; // a regeneration: the new version replaces the old one on the branch shown
        AnswerRun* run = m_engine.newRun(prepared, fresh, this);
        m_run = run;
        connect(run, &AnswerRun::finished, this,
                [this](const MessageRecord& answer, const RoutedOutcome&) { onAnswerFinished(answer); });
        emit answerStarted(fresh, run);
        run->start();
    });
}

void ChatSession::onAnswerFinished(const MessageRecord& answer)
{
    m_run->deleteLater();
    m_run = nullptr;
    if (answer.conversationId == m_conversation.id) { // else: stopped because another conversation was shown
        m_tree.upsert(answer);
        if (answer.stats.costUsd)
            m_conversation.totalCostUsd += *answer.stats.costUsd;
        m_conversation.updatedAt = QDateTime::currentDateTimeUtc();
        emit conversationSaved(m_conversation);
    }
    emit busyChanged(false);
    emit answerFinished(answer);
}

void ChatSession::stop()
{
    if (m_run) {
        m_run->stop();
    } else if (m_resolving) {
        // Stopped before it began (the keychain had not answered yet): nothing is sent.
        ++m_generation;
        m_resolving = false;
        emit busyChanged(false);
    }
}

QString ChatSession::stepBranch(const QString& messageId, int step)
{
    if (isAnswering())
        return {};
    const QStringList siblings = m_tree.siblingsOf(messageId);
    const qsizetype target = siblings.indexOf(messageId) + step;
    if (target < 0 || target >= siblings.size())
        return {};
    setLeaf(m_tree.latestLeafUnder(siblings.at(target)));
    return siblings.at(target);
}

void ChatSession::rename(const QString& id, const QString& title)
{
    if (title.isEmpty())
        return;
    m_history.write([id, title](ConversationStore& store) { return store.renameConversation(id, title); });
    if (id == m_conversation.id)
        m_conversation.title = title;
}

void ChatSession::setPinned(const QString& id, bool pinned)
{
    m_history.write([id, pinned](ConversationStore& store) { return store.setPinned(id, pinned); });
}

void ChatSession::remove(const QString& id)
{
    if (id.isEmpty())
        return;
    m_history.write([id](ConversationStore& store) { return store.setDeleted(id, true); });
    m_lastDeleted = id;
    if (id == m_conversation.id)
        newConversation();
}

QString ChatSession::undoRemove()
{
    const QString id = std::exchange(m_lastDeleted, QString());
    if (!id.isEmpty())
        m_history.write([id](ConversationStore& store) { return store.setDeleted(id, false); });
    return id;
}

void ChatSession::list(const QString& search, QObject* context,
                       std::function<void(const QList<ConversationRecord>&)> done)
{
    m_history.read<QList<ConversationRecord>>(
        [search](ConversationStore& store) { return store.listConversations(search); }, context, std::move(done));
}

void ChatSession::exportConversation(const QString& id, const QString& path, ConversationFormat format,
                                     QObject* context, std::function<void(const ExportResult&)> done)
{
    const QString leaf = id == m_conversation.id ? m_leafId : QString();
    // Read and written on the history's thread: a long conversation never holds up the caller.
    m_history.read<ExportResult>(
        [id, path, format, leaf](ConversationStore& store) {
            QString error;
            const bool ok = writeConversationFile(store, id, path, format, leaf, error);
            return ExportResult{ok, error};
        },
        context, std::move(done));
}

void ChatSession::writeReport(const QString& id, const ReportOptions& options, ReportFormat format, const QString& path,
                              QObject* context, std::function<void(const ReportWriteResult&)> done)
{
    writeReportInBackground(m_history, ReportKind::Conversation, id, options, format, path, context, std::move(done));
}

void ChatSession::importConversation(const QString& path, QObject* context,
                                     std::function<void(const ConversationImport&)> done)
{
    m_history.read<ConversationImport>([path](ConversationStore& store) { return readConversationFile(store, path); },
                                       context, std::move(done));
}

} // namespace juxta
