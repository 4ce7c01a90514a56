// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutingStrategy.h"

#include "routing/ModelStats.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QList<int> identity(qsizetype n)
{
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    return order;
}

// Stable sort by a key where nullopt sorts last: ties and unknowns keep priority order.
QList<int> rankBy(const QList<Target>& targets, const std::function<std::optional<double>(const Target&)>& key)
{
    QList<int> order = identity(targets.size());
    QList<std::optional<double>> keys;
    for (const Target& t : targets)
        keys.append(key(t));
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) {
        if (!keys[a] || !keys[b])
            return keys[a].has_value() && !keys[b].has_value();
        return *keys[a] < *keys[b];
    });
    return order;
}

} // namespace

QString PriorityStrategy::name() const
{
    return u"priority"_s;
}

QList<int> PriorityStrategy::order(const QList<Target>& targets)
{
    return identity(targets.size());
}

QString CheapestStrategy::name() const
{
    return u"cheapest"_s;
}

QList<int> CheapestStrategy::order(const QList<Target>& targets)
{
    return rankBy(targets, [this](const Target& t) { return m_prices ? m_prices(t) : std::nullopt; });
}

QString FastestStrategy::name() const
{
    return u"fastest"_s;
}

QList<int> FastestStrategy::order(const QList<Target>& targets)
{
    return rankBy(targets, [this](const Target& t) -> std::optional<double> {
        const auto ttft = m_stats.medianTtftMs(t.label());
        const auto speed = m_stats.medianTokensPerSecond(t.label());
        if (!ttft || !speed || *speed <= 0)
            return std::nullopt; // half a measurement would rank an unknown ahead of a known
        return *ttft + 256.0 / *speed * 1000.0;
    });
}

QString SplitStrategy::name() const
{
    QStringList parts;
    for (double w : m_weights)
        parts.append(QString::number(w));
    return u"split:"_s + parts.join(u',');
}

QList<int> SplitStrategy::order(const QList<Target>& targets)
{
    QList<int> order = identity(targets.size());
    double total = 0;
    for (qsizetype i = 0; i < targets.size(); ++i)
        total += std::max(0.0, m_weights.value(i, 0.0));
    if (total <= 0 || targets.isEmpty())
        return order;
    double draw = m_random.bounded(total);
    int chosen = 0;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const double w = std::max(0.0, m_weights.value(i, 0.0));
        if (draw < w) {
            chosen = int(i);
            break;
        }
        draw -= w;
    }
    order.removeAt(chosen);
    order.prepend(chosen);
    return order;
}

QString RoundRobinStrategy::name() const
{
    return u"round-robin"_s;
}

QList<int> RoundRobinStrategy::order(const QList<Target>& targets)
{
    QList<int> order = identity(targets.size());
    if (order.isEmpty())
        return order;
    const int start = m_next % int(order.size());
    m_next = (start + 1) % int(order.size());
    std::rotate(order.begin(), order.begin() + start, order.end());
    return order;
}

std::unique_ptr<RoutingStrategy> RoutingStrategy::fromSpec(const QString& spec, const PriceLookup& prices,
                                                           const ModelStats* stats, quint32 seed, QString* error)
{
    const QString s = spec.trimmed().toLower();
    if (s.isEmpty() || s == u"priority"_s)
        return std::make_unique<PriorityStrategy>();
    if (s == u"cheapest"_s)
        return std::make_unique<CheapestStrategy>(prices);
    if (s == u"fastest"_s && stats)
        return std::make_unique<FastestStrategy>(*stats);
    if (s == u"round-robin"_s)
        return std::make_unique<RoundRobinStrategy>(seed);
    if (s.startsWith(u"split:"_s)) {
        QList<double> weights;
        bool valid = true;
        for (const QString& part : s.mid(6).split(u',')) {
            bool ok = false;
            const double w = part.toDouble(&ok);
            valid &= ok && w >= 0;
            weights.append(w);
        }
        if (valid && std::accumulate(weights.begin(), weights.end(), 0.0) > 0)
            return std::make_unique<SplitStrategy>(weights, seed);
    }
    if (error)
        *error = u"unknown strategy \"%1\" (expected priority, cheapest, fastest, round-robin or split:70,30)"_s.arg(
            spec);
    return nullptr;
}

} // namespace juxta
