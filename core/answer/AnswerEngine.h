// SPDX-License-Identifier: GPL-3.0-or-later
// The one engine that runs answers for every surface: turns a conversation so far and its settings into targets
// (model, then fallbacks; keys from the environment or the key store, never blocking), builds the request,
// estimates and checks the budget, and starts AnswerRuns that record themselves in the history. Chat sessions,
// comparisons, pipelines and the command line all go through it.
#pragma once

#include "answer/AnswerRun.h"
#include "answer/ChatRequestBuilder.h"
#include "answer/TargetResolver.h"
#include "common/MonotonicClock.h"
#include "pricing/BudgetGuard.h"
#include "routing/Scheduler.h"

#include <functional>

class QNetworkAccessManager;

namespace juxta {

struct AppConfig;
class ModelCatalog;
class RequestGate;
class SecretStore;

// An answer ready to start: the request for the primary target and every usable target, in order.
struct PreparedAnswer
{
    ChatRequest request;
    QList<Target> targets;  // empty: nothing usable, `problems` says why
    QStringList problems;   // one line per reference that could not be used
    bool isReady() const { return !targets.isEmpty(); }
};

class AnswerEngine
{
public:
    // References to `config`, `catalog` and the stores must outlive the engine; `history` may be null (nothing
    // recorded).
    AnswerEngine(const AppConfig& config, SecretStore& secrets, const ModelCatalog& catalog,
                 QNetworkAccessManager& network, HistoryService* history);

    using Resolver = std::function<void(const QStringList& references, QObject* context,
                                        std::function<void(const ResolvedTargets&)> done)>;
    // How references become targets; by default resolveTargets() over the config and key store. The command line
    // puts its own in (it honours --api-key-env).
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    void setCallOptions(const CallOptions& options) { m_options = options; } // timeouts for every call
    void setRecordsSpending(bool on) { m_recordsSpending = on; }
    // Another clock and scheduler for every answer's metrics, retries and waits (tests run minutes in milliseconds).
    void setTime(const MonotonicClock& clock, Scheduler& scheduler);
    // Per-profile limits every answer waits for (a batch's); null: none.
    void setGate(RequestGate* gate) { m_gate = gate; }

    const AppConfig& config() const { return m_config; }
    const ModelCatalog& catalog() const { return m_catalog; }
    HistoryService* history() const { return m_history; }
    const MonotonicClock& clock() const { return *m_clock; }
    Scheduler& scheduler() const { return *m_scheduler; }

    // The references an answer with `settings` tries: its model, then its fallbacks, each once.
    static QStringList referencesOf(const ChatSettings& settings);
    // A new user message under `parentId` (empty: the first), and a new assistant message answering one; neither
    // written anywhere yet.
    static MessageRecord newQuestion(const QString& conversationId, const QString& parentId, const QString& text);
    static MessageRecord newAnswer(const QString& conversationId, const QString& parentId, const QString& model);

    // Resolves the targets and builds the request for the answer to the last message of `path`. `done` runs once,
    // on `context`'s thread, unless `context` is gone by then.
    void prepare(const QList<MessageRecord>& path, const ChatSettings& settings, QObject* context,
                 std::function<void(const PreparedAnswer&)> done);
    // The run of the answer, not started yet: connect to it, then start() it (a call can end at once). `network`
    // null: the engine's own; a compare column passes its own, so eight columns on one server are not queued
    // behind six connections.
    // `gate`: per-profile limits it waits for (a batch's); null: the engine's own, if any.
    AnswerRun* newRun(const PreparedAnswer& prepared, MessageRecord answer, QObject* parent,
                      QNetworkAccessManager* network = nullptr, quint32 seed = 0, RequestGate* gate = nullptr);
    // An answer that could not be sent (no usable target): recorded as failed with `why`, so it is shown and kept
    // like any failed answer (Retry and "Try another model" are right there).
    MessageRecord recordUnsent(MessageRecord answer, const QString& why) const;

    // Prices of targets, from the catalog (user overrides included).
    AnswerRecorder::PriceFor prices() const;
    // What sending the conversation `texts` with `settings` may cost; nullopt when the model is not usable.
    std::optional<SendEstimate> estimate(const ChatSettings& settings, const QList<QString>& texts) const;
    // `total` against the budget and today's spending (read on the history's thread). `done` runs at once when no
    // limit is set; otherwise later, on `context`'s thread.
    void checkBudget(const std::optional<CostEstimate>& total, QObject* context,
                     std::function<void(const BudgetVerdict&)> done) const;

private:
    const AppConfig& m_config;
    SecretStore& m_secrets;
    const ModelCatalog& m_catalog;
    QNetworkAccessManager& m_network;
    HistoryService* m_history;
    SteadyClock m_steadyClock;
    EventLoopScheduler m_eventLoopScheduler;
    const MonotonicClock* m_clock = &m_steadyClock;
    Scheduler* m_scheduler = &m_eventLoopScheduler;
    RequestGate* m_gate = nullptr;
    Resolver m_resolver;
    CallOptions m_options;
    mutable double m_spentToday = 0; // as the last budget check read it: the spending cap of the runs made next
    bool m_recordsSpending = true;
};

} // namespace juxta
