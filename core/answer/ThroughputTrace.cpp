// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/ThroughputTrace.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace juxta {

void ThroughputTrace::add(double elapsedMs, double tokens)
{
    if (!m_points.isEmpty() && elapsedMs / 1000.0 < m_points.constLast().x())
        return; // time only goes forward (charts take the points as sorted)
    const QPointF point(elapsedMs / 1000.0, tokens);
    // The first two points stay apart so the line starts where the stream started; later close ones merge.
    if (m_points.size() >= 2 && (elapsedMs - m_points.at(m_points.size() - 2).x() * 1000.0) < m_minStepMs)
        m_points.last() = point;
    else
        m_points.append(point);
    if (m_points.size() > kMaxPoints)
        thin();
}

void ThroughputTrace::thin()
{
    // Every other point between the first and the last goes, and from now on samples are twice as far apart:
    // the shape stays, the size stays bounded however long the answer runs.
    QList<QPointF> kept;
    kept.reserve(m_points.size() / 2 + 2);
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        if (i == 0 || i == m_points.size() - 1 || i % 2 == 0)
            kept.append(m_points.at(i));
    }
    m_points = std::move(kept);
    m_minStepMs *= 2;
}

void ThroughputTrace::scaleTo(double finalTokens)
{
    if (m_points.isEmpty() || m_points.constLast().y() <= 0)
        return;
    const double factor = finalTokens / m_points.constLast().y();
    for (QPointF& p : m_points)
        p.setY(p.y() * factor);
}

QByteArray ThroughputTrace::toJson() const
{
    QJsonArray array;
    for (const QPointF& p : m_points)
        array.append(QJsonArray{std::round(p.x() * 1000.0) / 1000.0, std::round(p.y() * 10.0) / 10.0});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QPointF> ThroughputTrace::pointsFromJson(const QByteArray& json)
{
    QList<QPointF> points;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue& value : array) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
            continue;
        const QPointF p(pair.at(0).toDouble(), pair.at(1).toDouble());
        if (!points.isEmpty() && p.x() < points.constLast().x())
            continue;
        points.append(p);
    }
    return points;
}

} // namespace juxta
