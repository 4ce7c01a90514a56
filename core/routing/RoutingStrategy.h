// SPDX-License-Identifier: GPL-3.0-or-later
// The order in which a chain's targets are tried: priority, cheapest, fastest, weighted split, round-robin.
#pragma once

#include "routing/Target.h"

#include <QList>
#include <QRandomGenerator>
#include <functional>
#include <memory>
#include <optional>

namespace juxta {

class ModelStats;

// A price per million output tokens for a target, when the price table knows it.
using PriceLookup = std::function<std::optional<double>(const Target&)>;

class RoutingStrategy
{
public:
    virtual ~RoutingStrategy() = default;
    virtual QString name() const = 0;
    // A permutation of 0..targets.size()-1: the first entry is tried first.
    virtual QList<int> order(const QList<Target>& targets) = 0;

    // "priority", "cheapest", "fastest", "round-robin" or "split:70,30". nullptr with `error` set otherwise.
    static std::unique_ptr<RoutingStrategy> fromSpec(const QString& spec, const PriceLookup& prices,
                                                     const ModelStats* stats, quint32 seed, QString* error);
};

class PriorityStrategy final : public RoutingStrategy
{
public:
    QString name() const override;
    QList<int> order(const QList<Target>& targets) override;
};

// Unknown prices go last, in priority order; equal prices keep priority order.
class CheapestStrategy final : public RoutingStrategy
{
public:
    explicit CheapestStrategy(PriceLookup prices) : m_prices(std::move(prices)) {}
    QString name() const override;
    QList<int> order(const QList<Target>& targets) override;

private:
    PriceLookup m_prices;
};

// Ranks by the expected time of a typical answer: median TTFT + 256 tokens at the median speed.
// Targets without both measurements go last, in priority order.
class FastestStrategy final : public RoutingStrategy
{
public:
    explicit FastestStrategy(const ModelStats& stats) : m_stats(stats) {}
    QString name() const override;
    QList<int> order(const QList<Target>& targets) override;

private:
    const ModelStats& m_stats;
};

// A/B split: the first target is drawn by weight (reproducible for a seed); the rest follow as fallbacks.
class SplitStrategy final : public RoutingStrategy
{
public:
    SplitStrategy(QList<double> weights, quint32 seed) : m_weights(std::move(weights)), m_random(seed) {}
    QString name() const override;
    QList<int> order(const QList<Target>& targets) override;

private:
    QList<double> m_weights;
    QRandomGenerator m_random;
};

// Spreads load across equivalent deployments: each call starts one further along.
class RoundRobinStrategy final : public RoutingStrategy
{
public:
    // A process that routes one request (the command line) starts at `start` (e.g. a random seed), so
    // separate runs still spread across the targets.
    explicit RoundRobinStrategy(quint32 start = 0) : m_next(int(start % 65536)) {}
    QString name() const override;
    QList<int> order(const QList<Target>& targets) override;

private:
    int m_next = 0;
};

} // namespace juxta
