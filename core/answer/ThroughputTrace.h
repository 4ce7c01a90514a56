// SPDX-License-Identifier: GPL-3.0-or-later
// Tokens received over time for one answer ("time since send → tokens so far"): drawn live while it streams and
// stored with the answer, so the chart can be drawn again from the history. Thinned as it grows: close samples
// replace each other, and past kMaxPoints every other point goes, so even an hour-long answer keeps a few hundred.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>

namespace juxta {

class ThroughputTrace
{
public:
    static constexpr qsizetype kMaxPoints = 400;

    explicit ThroughputTrace(double minStepMs = 100) : m_minStepMs(minStepMs) {}
    void add(double elapsedMs, double tokens); // elapsed since the request was sent; tokens so far
    const QList<QPointF>& points() const { return m_points; } // (seconds, tokens), time never goes back
    bool isEmpty() const { return m_points.isEmpty(); }
    // Live counts are estimates; once the provider reports the real count, the line is scaled to end there.
    void scaleTo(double finalTokens);
    void clear() { m_points.clear(); }

    // "[[seconds, tokens], …]" with millisecond and 0.1-token precision: what the history keeps.
    QByteArray toJson() const;
    static QList<QPointF> pointsFromJson(const QByteArray& json); // malformed input gives what could be read

private:
    void thin();

    double m_minStepMs;
    QList<QPointF> m_points;
};

} // namespace juxta
