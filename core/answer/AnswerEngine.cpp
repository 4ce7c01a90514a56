// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/AnswerEngine.h"

#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "storage/HistoryService.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace juxta {

AnswerEngine::AnswerEngine(const AppConfig& config, SecretStore& secrets, const ModelCatalog& catalog,
                           QNetworkAccessManager& network, HistoryService* history)
    : m_config(config)
    , m_secrets(secrets)
    , m_catalog(catalog)
    , m_network(network)
    , m_history(history)
{
    m_resolver = [this](const QStringList& references, QObject* context,
                        std::function<void(const ResolvedTargets&)> done) {
        resolveTargets(m_config, m_secrets, m_catalog, references, context, std::move(done));
    };
}

void AnswerEngine::setTime(const MonotonicClock& clock, Scheduler& scheduler)
{
    m_clock = &clock;
    m_scheduler = &scheduler;
}

QStringList AnswerEngine::referencesOf(const ChatSettings& settings)
{
    QStringList references{settings.model};
    for (const QString& fallback : settings.fallbacks) {
        if (!references.contains(fallback))
            references.append(fallback);
    }
    return references;
}

MessageRecord AnswerEngine::newQuestion(const QString& conversationId, const QString& parentId, const QString& text)
{
    MessageRecord question;
    question.id = newRecordId();
    question.conversationId = conversationId;
    question.parentId = parentId;
    question.role = MessageRole::User;
    question.content = text;
    question.createdAt = QDateTime::currentDateTimeUtc();
    return question;
}

MessageRecord AnswerEngine::newAnswer(const QString& conversationId, const QString& parentId, const QString& model)
{
    MessageRecord answer;
    answer.id = newRecordId();
    answer.conversationId = conversationId;
    answer.parentId = parentId;
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Streaming;
    answer.stats.requestedModel = model;
    answer.createdAt = QDateTime::currentDateTimeUtc();
    return answer;
}

void AnswerEngine::prepare(const QList<MessageRecord>& path, const ChatSettings& settings, QObject* context,
                           std::function<void(const PreparedAnswer&)> done)
{
    QPointer<QObject> guard(context);
    m_resolver(referencesOf(settings), context,
               [guard, path, settings, done = std::move(done)](const ResolvedTargets& resolved) {
                   if (!guard)
                       return;
                   PreparedAnswer prepared;
                   prepared.targets = resolved.targets;
                   prepared.problems = resolved.problems;
                   if (prepared.isReady())
                       prepared.request = buildChatRequest(path, settings, prepared.targets.constFirst().model);
                   done(prepared);
               });
}

AnswerRun* AnswerEngine::newRun(const PreparedAnswer& prepared, MessageRecord answer, QObject* parent,
                                QNetworkAccessManager* network, quint32 seed, RequestGate* gate)
{
    AnswerOrder order;
    order.answer = std::move(answer);
    order.request = prepared.request;
    order.targets = prepared.targets;
    order.priceFor = prices();
    order.options = m_options;
    order.spendCap = spendCapFor(m_config.budget, m_spentToday);
    order.seed = seed != 0 ? seed : quint32(QDateTime::currentMSecsSinceEpoch());
    const AnswerServices services{{network ? *network : m_network, *m_clock, *m_scheduler, nullptr, nullptr},
                                  m_history, m_recordsSpending, gate ? gate : m_gate};
    return new AnswerRun(services, std::move(order), parent);
}

MessageRecord AnswerEngine::recordUnsent(MessageRecord answer, const QString& why) const
{
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Failed;
    answer.stats.errorClass = u"configuration"_s; // our setup, not the provider: no request was made
    answer.stats.errorMessage = why;
    if (m_history)
        m_history->write([answer](ConversationStore& store) { return store.saveMessage(answer); });
    return answer;
}

AnswerRecorder::PriceFor AnswerEngine::prices() const
{
    const ModelCatalog& catalog = m_catalog;
    return [&catalog](const Target& t) { return catalog.entry(t.profile, t.model).price; };
}

std::optional<SendEstimate> AnswerEngine::estimate(const ChatSettings& settings, const QList<QString>& texts) const
{
    return estimateSend(m_config, m_catalog, settings, texts);
}

void AnswerEngine::checkBudget(const std::optional<CostEstimate>& total, QObject* context,
                               std::function<void(const BudgetVerdict&)> done) const
{
    const BudgetLimits limits = m_config.budget;
    if (!limits.isSet()) {
        done(BudgetVerdict{});
        return;
    }
    if (!m_history) {
        const std::optional<double> spent = SpendLedger().spentToday();
        m_spentToday = spent.value_or(0);
        done(juxta::checkBudget(limits, total, spent));
        return;
    }
    // Today's spending is a file: read off the caller's thread, then decide. The answers sent next are capped
    // against it while they stream (newRun).
    m_history->read<std::optional<double>>([](ConversationStore&) { return SpendLedger().spentToday(); }, context,
                                           [this, limits, total, done = std::move(done)](std::optional<double> spent) {
                                               m_spentToday = spent.value_or(0);
                                               done(juxta::checkBudget(limits, total, spent));
                                           });
}

} // namespace juxta
