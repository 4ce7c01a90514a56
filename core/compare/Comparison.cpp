// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/Comparison.h"

#include <QNetworkAccessManager>

#include "offline/OfflineNetwork.h"

namespace juxta {

Comparison::Comparison(ResilienceServices services, ChatRequest request, QList<ComparisonLane> lanes, int repeat,
                       RetryPolicy retry, FallbackPolicy fallback, CallOptions options, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_request(std::move(request))
    , m_lanes(std::move(lanes))
    , m_repeat(qMax(1, repeat))
    , m_retry(retry)
    , m_fallback(fallback)
    , m_options(options)
{
    m_runs.resize(m_lanes.size());
    m_calls.fill(nullptr, m_lanes.size());
    for (qsizetype i = 0; i < m_lanes.size(); ++i)
        m_networks.push_back(std::make_unique<OfflineNetworkAccessManager>());
}

Comparison::~Comparison()
{
    for (ResilientCall* call : std::as_const(m_calls)) {
        if (call)
            call->disconnect(this);
    }
    // Every call (running, or finished and waiting for deleteLater) goes before the network managers it used.
    qDeleteAll(findChildren<ResilientCall*>(Qt::FindDirectChildrenOnly));
}

void Comparison::start()
{
    if (m_started)
        return;
    m_started = true;
    m_starting = true; // a call that fails at once must not end the comparison before every lane began
    for (int lane = 0; lane < m_lanes.size(); ++lane)
        startRun(lane);
    m_starting = false;
    if (m_running == 0)
        emit finished();
}

void Comparison::startRun(int lane)
{
    const int run = int(m_runs.at(lane).size());
    // A seed per lane and run: split routing stays reproducible, lanes do not mirror each other.
    const ResilienceServices laneServices{*m_networks.at(std::size_t(lane)), m_services.clock, m_services.scheduler,
                                          m_services.breaker, m_services.stats};
    auto* call = new ResilientCall(laneServices, m_request, m_lanes.at(lane).targets, m_retry, m_fallback, m_options,
                                   quint32(lane * 1000 + run + 1), this);
    m_calls[lane] = call;
    ++m_running;
    connect(call, &ResilientCall::eventsReceived, this,
            [this, lane, run](const QList<StreamEvent>& events) { emit eventsReceived(lane, run, events); });
    connect(call, &ResilientCall::finished, this, [this, lane, run, call](const RoutedOutcome& outcome) {
        m_runs[lane].append(outcome);
        m_calls[lane] = nullptr;
        call->deleteLater();
        --m_running;
        emit runFinished(lane, run, outcome);
        if (!m_cancelled && m_runs.at(lane).size() < m_repeat)
            startRun(lane);
        if (m_running == 0 && !m_starting)
            emit finished();
    });
    call->start();
}

void Comparison::cancel()
{
    m_cancelled = true;
    const QList<ResilientCall*> running = m_calls;
    for (ResilientCall* call : running) {
        if (call)
            call->cancel();
    }
}

} // namespace juxta
