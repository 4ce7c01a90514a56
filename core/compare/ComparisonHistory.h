// SPDX-License-Identifier: GPL-3.0-or-later
// Saved comparisons as the compare view and the command line use them, on the history's thread: list, load (with
// the answers' traces), delete, export, ratings, the leaderboard's votes, the request log's figures across history,
// and the named model sets. Results come back on the caller's thread; nothing here blocks it.
#pragma once

#include "compare/Leaderboard.h"
#include "report/ReportFile.h"
#include "storage/ComparisonStore.h"

#include <functional>

namespace juxta {

class HistoryService;

class ComparisonHistory
{
public:
    static constexpr auto kModelSetsKey = "compare/sets"; // QSettings: every saved model set, as JSON

    explicit ComparisonHistory(HistoryService& history) : m_history(history) {}

    void list(const QString& search, QObject* context, std::function<void(const QList<ComparisonRecord>&)> done);
    void load(const QString& id, QObject* context, std::function<void(const std::optional<SavedComparison>&)> done);
    void remove(const QString& id);
    // The lossless JSON (ComparisonExport), read and written on the history's thread.
    void exportTo(const QString& id, const QString& path, QObject* context, std::function<void(bool)> done);
    // A report of the comparison (see ReportExport), built and written on the history's thread.
    void writeReport(const QString& id, const ReportOptions& options, ReportFormat format, const QString& path,
                     QObject* context, std::function<void(const ReportWriteResult&)> done);
    void ratings(const QStringList& answerIds, QObject* context, std::function<void(const QHash<QString, int>&)> done);
    void leaderboard(QObject* context, std::function<void(const QList<LeaderboardRow>&)> done);
    void usagePoints(QObject* context, std::function<void(const QList<UsagePoint>&)> done);
    // Written in order with everything else the history writes (QSettings is reentrant).
    void saveModelSets(const QByteArray& json);

private:
    HistoryService& m_history;
};

} // namespace juxta
