// SPDX-License-Identifier: GPL-3.0-or-later
// Rolling per-target speed figures (time to first token, output tokens/s) for "fastest first" routing,
// persisted as a small JSON file. Saving is coalesced on a timer, off the hot path.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <optional>

namespace juxta {

class ModelStats final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kWindow = 20; // samples kept per target

    // `path` empty: in memory only.
    explicit ModelStats(QString path = {}, QObject* parent = nullptr);
    ~ModelStats() override; // saves pending changes

    static QString defaultPath(); // $XDG_DATA_HOME/juxta/model-stats.json

    void record(const QString& target, std::optional<double> ttftMs, std::optional<double> tokensPerSecond);
    std::optional<double> medianTtftMs(const QString& target) const;
    std::optional<double> medianTokensPerSecond(const QString& target) const;
    void saveNow();

private:
    struct Samples
    {
        QList<double> ttftMs;
        QList<double> tokensPerSecond;
    };
    void load();

    QString m_path;
    QHash<QString, Samples> m_samples;
    QTimer m_saveTimer;
    bool m_dirty = false;
};

} // namespace juxta
