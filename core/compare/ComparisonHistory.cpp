// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/ComparisonHistory.h"

#include "compare/ComparisonExport.h"
#include "report/ReportExport.h"
#include "storage/HistoryService.h"

#include <QSaveFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace juxta {

void ComparisonHistory::list(const QString& search, QObject* context,
                             std::function<void(const QList<ComparisonRecord>&)> done)
{
    m_history.read<QList<ComparisonRecord>>(
        [search](ConversationStore& store) { return ComparisonStore(store).listComparisons(search); }, context,
        std::move(done));
}

void ComparisonHistory::load(const QString& id, QObject* context,
                             std::function<void(const std::optional<SavedComparison>&)> done)
{
    m_history.read<std::optional<SavedComparison>>(
        [id](ConversationStore& store) { return ComparisonStore(store).loadComparison(id); }, context,
        std::move(done));
}

void ComparisonHistory::remove(const QString& id)
{
    m_history.write([id](ConversationStore& store) { return ComparisonStore(store).deleteComparison(id); });
}

void ComparisonHistory::exportTo(const QString& id, const QString& path, QObject* context,
                                 std::function<void(bool)> done)
{
    m_history.read<bool>(
        [id, path](ConversationStore& store) {
            const std::optional<SavedComparison> saved = ComparisonStore(store).loadComparison(id);
            if (!saved)
                return false;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return false;
            file.write(exportComparisonJson(*saved));
            return file.commit();
        },
        context, std::move(done));
}

void ComparisonHistory::writeReport(const QString& id, const ReportOptions& options, ReportFormat format,
                                    const QString& path, QObject* context,
                                    std::function<void(const ReportWriteResult&)> done)
{
    writeReportInBackground(m_history, ReportKind::Comparison, id, options, format, path, context, std::move(done));
}

void ComparisonHistory::ratings(const QStringList& answerIds, QObject* context,
                                std::function<void(const QHash<QString, int>&)> done)
{
    m_history.read<QHash<QString, int>>(
        [answerIds](ConversationStore& store) { return ComparisonStore(store).ratings(answerIds); }, context,
        std::move(done));
}

void ComparisonHistory::leaderboard(QObject* context, std::function<void(const QList<LeaderboardRow>&)> done)
{
    m_history.read<QList<LeaderboardRow>>(
        [](ConversationStore& store) { return leaderboardOf(ComparisonStore(store).votes()); }, context,
        std::move(done));
}

void ComparisonHistory::usagePoints(QObject* context, std::function<void(const QList<UsagePoint>&)> done)
{
    m_history.read<QList<UsagePoint>>([](ConversationStore& store) { return ComparisonStore(store).usagePoints(); },
                                      context, std::move(done));
}

void ComparisonHistory::saveModelSets(const QByteArray& json)
{
    m_history.write([json](ConversationStore&) {
        QSettings stored;
        stored.setValue(QLatin1StringView(kModelSetsKey), json);
        stored.sync();
        return stored.status() == QSettings::NoError;
    });
}

} // namespace juxta
