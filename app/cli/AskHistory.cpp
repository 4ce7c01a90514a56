// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AskHistory.h"

#include "chat/ChatSettings.h"
#include "chat/ConversationTitle.h"
#include "cli/CommandLine.h"


using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

} // namespace

AskHistory::AskHistory(const QString& prompt, const ChatRequest& request, const QList<Target>& targets,
                       AnswerRecorder::PriceFor priceFor)
    : m_history(std::make_unique<HistoryService>())
    , m_conversationId(newRecordId())
{
    QObject::connect(m_history.get(), &HistoryService::opened, m_history.get(), [](const HistoryOpenReport& report) {
        if (!report.error.isEmpty())
            printError(u"ask"_s, report.persistent ? report.error
                                                   : report.error + u"; this answer is not saved"_s);
    });
    ChatSettings settings;
    settings.model = targets.isEmpty() ? request.model : targets.constFirst().label();
    settings.systemPrompt = request.systemPrompt;
    settings.temperature = request.temperature;
    settings.topP = request.topP;
    settings.maxTokens = request.maxTokens;
    settings.seed = request.seed;
    settings.reasoningEffort = request.reasoningEffort;
    for (qsizetype i = 1; i < targets.size(); ++i)
        settings.fallbacks.append(targets.at(i).label());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    ConversationRecord conversation;
    conversation.id = m_conversationId;
    conversation.title = conversationTitleFor(prompt);
    conversation.createdAt = now;
    conversation.updatedAt = now;
    conversation.settingsJson = settings.toJson();
    MessageRecord question;
    question.id = newRecordId();
    question.conversationId = m_conversationId;
    question.role = MessageRole::User;
    question.content = prompt;
    question.createdAt = now;
    m_history->write([conversation, question](ConversationStore& store) {
        return store.createConversation(conversation) && store.saveMessage(question);
    });

    MessageRecord answer;
    answer.id = newRecordId();
    answer.conversationId = m_conversationId;
    answer.parentId = question.id;
    answer.stats.requestedModel = settings.model;
    m_recorder = std::make_unique<AnswerRecorder>(*m_history, answer, request, targets, std::move(priceFor));
}

AskHistory::~AskHistory() = default;

void AskHistory::watch(ResilientCall& call)
{
    m_recorder->watch(call);
}

} // namespace juxta::cli
