// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AskHistory.h"

#include "answer/AnswerEngine.h"
#include "answer/ChatSettings.h"
#include "chat/ConversationTitle.h"
#include "cli/CommandLine.h"

using namespace Qt::StringLiterals;

namespace juxta::cli {

AskHistory::AskHistory(const QString& prompt, const ChatRequest& request, const QList<Target>& targets)
    : m_history(std::make_unique<HistoryService>())
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
    conversation.id = newRecordId();
    conversation.title = conversationTitleFor(prompt);
    conversation.createdAt = now;
    conversation.updatedAt = now;
    conversation.settingsJson = settings.toJson();
    const MessageRecord question = AnswerEngine::newQuestion(conversation.id, {}, prompt);
    m_history->write([conversation, question](ConversationStore& store) {
        return store.createConversation(conversation) && store.saveMessage(question);
    });
    m_answer = AnswerEngine::newAnswer(conversation.id, question.id, settings.model);
}

} // namespace juxta::cli
