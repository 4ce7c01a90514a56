// SPDX-License-Identifier: GPL-3.0-or-later
// One prompt to several lanes at once (a lane: a model with its fallbacks and overrides), each run `repeat` times,
// one after another within a lane. Every run is a ResilientCall like any other. Each lane has its own network
// access manager: one manager opens at most six HTTP/1.1 connections per server, and a comparison of eight models
// on one local server must not queue two of them behind the others.
#pragma once

#include "routing/ResilientCall.h"

#include <QObject>
#include <memory>

namespace juxta {

struct ComparisonLane
{
    QString label;         // "profile/model", as the user named it
    QList<Target> targets; // the model, then its fallbacks
};

class Comparison final : public QObject
{
    Q_OBJECT

public:
    Comparison(ResilienceServices services, ChatRequest request, QList<ComparisonLane> lanes, int repeat,
               RetryPolicy retry, FallbackPolicy fallback, CallOptions options, QObject* parent = nullptr);
    ~Comparison() override;

    void start();
    void cancel(); // every running call stops; what arrived is kept
    bool isFinished() const { return m_running == 0 && m_started; }

    int laneCount() const { return int(m_lanes.size()); }
    const ComparisonLane& lane(int index) const { return m_lanes.at(index); }
    const QList<RoutedOutcome>& runs(int lane) const { return m_runs.at(lane); }

signals:
    void eventsReceived(int lane, int run, const QList<juxta::StreamEvent>& events);
    void runFinished(int lane, int run, const juxta::RoutedOutcome& outcome);
    void finished();

private:
    void startRun(int lane);

    ResilienceServices m_services;
    ChatRequest m_request;
    QList<ComparisonLane> m_lanes;
    int m_repeat;
    RetryPolicy m_retry;
    FallbackPolicy m_fallback;
    CallOptions m_options;
    QList<QList<RoutedOutcome>> m_runs;
    QList<ResilientCall*> m_calls; // the running call of each lane, or null
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_networks; // one per lane
    int m_running = 0;
    bool m_started = false;
    bool m_starting = false;
    bool m_cancelled = false;
};

} // namespace juxta
