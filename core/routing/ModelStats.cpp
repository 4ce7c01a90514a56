// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/ModelStats.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

std::optional<double> median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

void push(QList<double>& window, std::optional<double> value)
{
    if (!value || !std::isfinite(*value) || *value < 0)
        return;
    window.append(*value);
    if (window.size() > ModelStats::kWindow)
        window.removeFirst();
}

QJsonArray toArray(const QList<double>& values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

QList<double> fromArray(const QJsonArray& a)
{
    QList<double> values;
    for (const QJsonValue& v : a) {
        if (v.isDouble() && v.toDouble() >= 0)
            values.append(v.toDouble());
    }
    if (values.size() > ModelStats::kWindow)
        values = values.mid(values.size() - ModelStats::kWindow);
    return values;
}

} // namespace

ModelStats::ModelStats(QString path, QObject* parent) : QObject(parent), m_path(std::move(path))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(2000);
    connect(&m_saveTimer, &QTimer::timeout, this, &ModelStats::saveNow);
    load();
}

ModelStats::~ModelStats()
{
    if (m_dirty)
        saveNow();
}

QString ModelStats::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/juxta/model-stats.json"_s;
}

void ModelStats::record(const QString& target, std::optional<double> ttftMs, std::optional<double> tokensPerSecond)
{
    Samples& s = m_samples[target];
    push(s.ttftMs, ttftMs);
    push(s.tokensPerSecond, tokensPerSecond);
    m_dirty = true;
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

std::optional<double> ModelStats::medianTtftMs(const QString& target) const
{
    return median(m_samples.value(target).ttftMs);
}

std::optional<double> ModelStats::medianTokensPerSecond(const QString& target) const
{
    return median(m_samples.value(target).tokensPerSecond);
}

void ModelStats::load()
{
    if (m_path.isEmpty())
        return;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // first run
    const QJsonObject root = QJsonDocument::fromJson(file.read(4 * 1024 * 1024)).object();
    if (root.value(u"version"_s).toInt() != 1)
        return; // unknown or corrupt: start afresh; these are only measurements
    const QJsonObject targets = root.value(u"targets"_s).toObject();
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_samples.insert(it.key(), {fromArray(o.value(u"ttft_ms"_s).toArray()),
                                    fromArray(o.value(u"tokens_per_s"_s).toArray())});
    }
}

void ModelStats::saveNow()
{
    m_saveTimer.stop();
    if (m_path.isEmpty() || !m_dirty)
        return;
    QJsonObject targets;
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it)
        targets.insert(it.key(), QJsonObject{{u"ttft_ms"_s, toArray(it->ttftMs)},
                                             {u"tokens_per_s"_s, toArray(it->tokensPerSecond)}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path); // atomic: a crash never leaves half a file
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"targets"_s, targets}}).toJson());
        if (file.commit())
            m_dirty = false;
    }
}

} // namespace juxta
