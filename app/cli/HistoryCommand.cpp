// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HistoryCommand.h"

#include "chat/ConversationFiles.h"
#include "cli/CommandLine.h"
#include "compare/CompareSetup.h"
#include "compare/ComparisonExport.h"
#include "pricing/CostCalculator.h"
#include "report/ReportBuilder.h"
#include "report/ReportWriters.h"
#include "storage/BatchStore.h"
#include "storage/ComparisonStore.h"
#include "pipeline/RunExport.h"
#include "storage/HistoryDatabase.h"
#include "storage/RunStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"history"_s;

// One row of the list: a conversation or a comparison (its columns are conversations the list leaves out).
struct Entry
{
    QString kind; // "conversation", "comparison", "run" or "batch"
    QString id;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool pinned = false;
    double costUsd = 0;
    QStringList models; // a comparison's columns
    QString state;      // a run's or batch's: done, failed, cancelled, interrupted
    QString detail;     // a batch's rows: "120/200 rows, 3 failed"
};

QList<Entry> entries(ConversationStore& store, const QString& search, const QString& kind)
{
    QList<Entry> out;
    if (kind == u"all"_s || kind == u"conversation"_s) {
        for (const ConversationRecord& c : store.listConversations(search))
            out.append({u"conversation"_s, c.id, c.title, c.createdAt, c.updatedAt, c.pinned, c.totalCostUsd, {}, {}, {}});
    }
    if (kind == u"all"_s || kind == u"comparison"_s) {
        ComparisonStore comparisons(store);
        const QHash<QString, double> costs = comparisons.costs();
        for (const ComparisonRecord& c : comparisons.listComparisons(search)) {
            QStringList models;
            for (const CompareColumnSetup& column : CompareSetup::fromJson(c.setupJson).columns)
                models.append(column.overrides.model);
            out.append({u"comparison"_s, c.id, c.title, c.createdAt, c.updatedAt, false, costs.value(c.id), models, {}, {}});
        }
    }
    if (kind == u"all"_s || kind == u"run"_s) {
        for (const PipelineRunRow& r : RunStore(store).listRuns(search)) {
            const QJsonObject totals = QJsonDocument::fromJson(r.summaryJson).object().value(u"totals"_s).toObject();
            out.append({u"run"_s, r.id, r.name.isEmpty() ? QFileInfo(r.file).fileName() : r.name, r.startedAt,
                        r.finishedAt.isValid() ? r.finishedAt : r.startedAt, false,
                        totals.value(u"cost_usd"_s).toDouble(), {},
                        r.state == u"running"_s ? u"interrupted"_s : r.state, {}}); // killed while it ran
        }
    }
    if (kind == u"all"_s || kind == u"batch"_s) {
        const QString needle = search.trimmed();
        for (const BatchRow& b : BatchStore(store).listBatches()) {
            const QString title = u"%1 × %2"_s.arg(b.name.isEmpty() ? QFileInfo(b.file).fileName() : b.name,
                                                  QFileInfo(b.input).fileName());
            if (!needle.isEmpty() && !title.contains(needle, Qt::CaseInsensitive)
                && !b.file.contains(needle, Qt::CaseInsensitive) && !b.input.contains(needle, Qt::CaseInsensitive))
                continue;
            const BatchStore::RowCounts counts = BatchStore(store).rowCounts(b.id);
            Entry e{u"batch"_s, b.id, title, b.startedAt, b.finishedAt.isValid() ? b.finishedAt : b.startedAt,
                    false, 0, {}, b.state == u"running"_s ? u"interrupted"_s : b.state, {}};
            e.detail = u"%1/%2 rows"_s.arg(counts.finished).arg(b.totalRows);
            if (counts.failed > 0)
                e.detail += u", %1 failed"_s.arg(counts.failed);
            out.append(e);
        }
    }
    // Pinned conversations on top, then everything newest first.
    std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        if (a.pinned != b.pinned)
            return a.pinned;
        return a.updatedAt > b.updatedAt;
    });
    return out;
}

int list(ConversationStore& store, const QString& search, const QString& kind, bool json)
{
    const QList<Entry> list = entries(store, search, kind);
    if (json) {
        QJsonArray array;
        for (const Entry& e : list) {
            QJsonObject row{{u"id"_s, e.id},
                            {u"kind"_s, e.kind},
                            {u"title"_s, e.title},
                            {u"created_at"_s, e.createdAt.toString(Qt::ISODateWithMs)},
                            {u"updated_at"_s, e.updatedAt.toString(Qt::ISODateWithMs)},
                            {u"pinned"_s, e.pinned},
                            {u"cost_usd"_s, e.costUsd}};
            if (e.kind == u"comparison"_s)
                row.insert(u"models"_s, QJsonArray::fromStringList(e.models));
            if (e.kind == u"run"_s || e.kind == u"batch"_s)
                row.insert(u"state"_s, e.state);
            if (e.kind == u"batch"_s)
                row.insert(u"rows"_s, e.detail);
            array.append(row);
        }
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const Entry& e : list) {
        const QString title = e.kind == u"comparison"_s ? u"%1 [%2]"_s.arg(e.title, e.models.join(u", "_s))
                              : e.kind == u"run"_s   ? u"%1 (%2)"_s.arg(e.title, e.state)
                              : e.kind == u"batch"_s ? u"%1 (%2, %3)"_s.arg(e.title, e.state, e.detail)
                                                     : e.title;
        printOut(u"%1  %2  %3  %4%5%6\n"_s.arg(e.id, e.updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                                             e.kind.leftJustified(12), e.pinned ? u"* "_s : QString(), title,
                                             e.costUsd > 0 ? u"  (%1)"_s.arg(formatMoney(e.costUsd, u"USD"_s))
                                                           : QString()));
    }
    return Success;
}

int writeDocument(const QByteArray& bytes, const QString& output)
{
    if (output.isEmpty()) {
        printOut(bytes);
        return Success;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printError(kCommand, u"cannot write %1: %2"_s.arg(output, file.errorString()));
        return ProviderFailure;
    }
    return Success;
}

// `show` and `export` of a comparison: the Markdown report (without chart files), or the lossless JSON.
int writeComparison(ConversationStore& store, const SavedComparison& saved, bool markdown, const QString& output)
{
    if (!markdown)
        return writeDocument(exportComparisonJson(saved), output);
    const Report report = comparisonReport(ComparisonStore(store), saved, {});
    return writeDocument(reportMarkdown(report, {}).toUtf8() + '\n', output);
}

} // namespace

int HistoryCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The history in %1.\n"
        "  juxta history [list] [--search TEXT] [--kind KIND] [--json]\n"
        "                                 conversations, comparisons and pipeline runs, newest first\n"
        "  juxta history show ID          a conversation's current branch, a comparison or a run, as Markdown\n"
        "  juxta history export ID --format json|md [--output FILE]\n"
        "  juxta history import FILE      a conversation's .json or .md export; prints the new id"_s.arg(
            HistoryDatabase::defaultPath()));
    parser.addHelpOption();
    const QCommandLineOption search(u"search"_s, u"Only conversations whose title or text contains TEXT."_s, u"TEXT"_s);
    const QCommandLineOption json(u"json"_s, u"List as JSON (each entry with its \"kind\")."_s);
    const QCommandLineOption kind(u"kind"_s, u"all (default), conversation, comparison, run or batch."_s, u"KIND"_s, u"all"_s);
    const QCommandLineOption format(u"format"_s, u"Export format: json (every version, lossless) or md."_s, u"FORMAT"_s,
                                    u"json"_s);
    const QCommandLineOption output(u"output"_s, u"Write the export to FILE instead of standard output."_s, u"FILE"_s);
    const QCommandLineOption database(u"database"_s, u"Use another history database file."_s, u"FILE"_s);
    parser.addOptions({search, json, kind, format, output, database});
    parser.addPositionalArgument(u"ACTION"_s, u"list (default), show, export or import."_s);
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta history [list|show|export|import] …"_s));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, u"list"_s);
    const QString formatName = parser.value(format);
    if (formatName != u"json"_s && formatName != u"md"_s) {
        printError(kCommand, u"--format must be json or md"_s);
        return BadUsage;
    }
    const QString kindName = parser.value(kind);
    if (!QStringList{u"all"_s, u"conversation"_s, u"comparison"_s, u"run"_s, u"batch"_s}.contains(kindName)) {
        printError(kCommand, u"--kind must be all, conversation, comparison, run or batch"_s);
        return BadUsage;
    }
    const bool needsArgument = action == u"show"_s || action == u"export"_s || action == u"import"_s;
    if ((action != u"list"_s && !needsArgument) || (needsArgument && positional.size() != 2)
        || (action == u"list"_s && positional.size() > 1)) {
        printError(kCommand, u"usage: juxta history [list] | show ID | export ID | import FILE (see --help)"_s);
        return BadUsage;
    }

    HistoryDatabase db(parser.isSet(database) ? parser.value(database) : HistoryDatabase::defaultPath());
    const HistoryOpenReport report = db.open();
    for (const QString& note : report.notes)
        printError(kCommand, note);
    if (!report.ok) {
        printError(kCommand, report.error);
        return ProviderFailure;
    }
    if (!report.error.isEmpty())
        printError(kCommand, report.error); // damaged and recovered: said, then go on
    ConversationStore& store = db.conversations();

    if (action == u"list"_s)
        return list(store, parser.value(search), kindName, parser.isSet(json));
    if (action == u"import"_s) {
        const ConversationImport result = readConversationFile(store, positional.at(1));
        for (const QString& warning : result.imported.warnings)
            printError(kCommand, warning);
        if (!result.stored) {
            printError(kCommand, u"cannot import %1: %2"_s.arg(positional.at(1), result.imported.error));
            return BadUsage;
        }
        printOut(result.imported.conversation->record.id + u'\n');
        return Success;
    }
    const QString id = positional.at(1);
    const bool markdown = action == u"show"_s || formatName == u"md"_s;
    if (const std::optional<SavedComparison> saved = ComparisonStore(store).loadComparison(id))
        return writeComparison(store, *saved, markdown, parser.value(output));
    if (const std::optional<PipelineRunRow> run = RunStore(store).loadRun(id)) {
        const QList<NodeRunRow> nodes = RunStore(store).nodesOf(id);
        return writeDocument(markdown ? reportMarkdown(runReport(*run, nodes, {}), {}).toUtf8() + '\n'
                                      : QJsonDocument(storedRunJson(*run, nodes)).toJson(),
                             parser.value(output));
    }
    const std::optional<Conversation> conversation = store.loadConversation(id);
    if (!conversation) {
        printError(kCommand, u"no conversation, comparison or run %1 (see juxta history)"_s.arg(id));
        return BadUsage;
    }
    if (parser.isSet(output)) {
        QString error;
        if (!writeConversationFile(store, id, parser.value(output),
                                   markdown ? ConversationFormat::Markdown : ConversationFormat::Json, {}, error)) {
            printError(kCommand, u"cannot write %1: %2"_s.arg(parser.value(output), error));
            return ProviderFailure;
        }
        return Success;
    }
    printOut(markdown ? exportConversationMarkdown(*conversation, conversation->record.currentLeafId).toUtf8() + '\n'
                      : exportConversationJson(*conversation));
    return Success;
}

} // namespace juxta::cli
