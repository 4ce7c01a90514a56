// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HistoryCommand.h"

#include "chat/ConversationFiles.h"
#include "cli/CommandLine.h"
#include "pricing/CostCalculator.h"
#include "storage/HistoryDatabase.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"history"_s;

int list(ConversationStore& store, const QString& search, bool json)
{
    const QList<ConversationRecord> conversations = store.listConversations(search);
    if (json) {
        QJsonArray array;
        for (const ConversationRecord& c : conversations) {
            array.append(QJsonObject{{u"id"_s, c.id},
                                     {u"title"_s, c.title},
                                     {u"created_at"_s, c.createdAt.toString(Qt::ISODateWithMs)},
                                     {u"updated_at"_s, c.updatedAt.toString(Qt::ISODateWithMs)},
                                     {u"pinned"_s, c.pinned},
                                     {u"cost_usd"_s, c.totalCostUsd}});
        }
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const ConversationRecord& c : conversations) {
        printOut(u"%1  %2  %3%4%5\n"_s.arg(c.id, c.updatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                                           c.pinned ? u"* "_s : QString(), c.title,
                                           c.totalCostUsd > 0 ? u"  (%1)"_s.arg(formatMoney(c.totalCostUsd, u"USD"_s))
                                                              : QString()));
    }
    return Success;
}

} // namespace

int HistoryCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The chat history ($XDG_DATA_HOME/juxta/history.sqlite).\n"
        "  juxta history [list] [--search TEXT] [--json]   conversations, newest first (pinned on top)\n"
        "  juxta history show ID                          the conversation's current branch as Markdown\n"
        "  juxta history export ID --format json|md [--output FILE]\n"
        "  juxta history import FILE                      a .json or .md export; prints the new id"_s);
    parser.addHelpOption();
    const QCommandLineOption search(u"search"_s, u"Only conversations whose title or text contains TEXT."_s, u"TEXT"_s);
    const QCommandLineOption json(u"json"_s, u"List as JSON."_s);
    const QCommandLineOption format(u"format"_s, u"Export format: json (every version, lossless) or md."_s, u"FORMAT"_s,
                                    u"json"_s);
    const QCommandLineOption output(u"output"_s, u"Write the export to FILE instead of standard output."_s, u"FILE"_s);
    const QCommandLineOption database(u"database"_s, u"Use another history database file."_s, u"FILE"_s);
    parser.addOptions({search, json, format, output, database});
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
        return list(store, parser.value(search), parser.isSet(json));
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
    const std::optional<Conversation> conversation = store.loadConversation(id);
    if (!conversation) {
        printError(kCommand, u"no conversation %1 (see juxta history)"_s.arg(id));
        return BadUsage;
    }
    const bool markdown = action == u"show"_s || formatName == u"md"_s;
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
