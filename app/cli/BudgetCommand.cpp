// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BudgetCommand.h"

#include "cli/CommandLine.h"
#include "cli/Workspace.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"budget"_s;


// "0.25" → 0.25; "none" or "0" → no limit.
bool readLimit(const QString& text, std::optional<double>& limit, QString& error)
{
    if (text == u"none"_s) {
        limit.reset();
        return true;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0) {
        error = u"a limit is an amount in USD (e.g. 0.50) or \"none\""_s;
        return false;
    }
    limit = value > 0 ? std::optional<double>(value) : std::nullopt;
    return true;
}

QString limitText(const std::optional<double>& limit)
{
    return limit ? formatMoney(*limit, u"USD"_s) : u"none"_s;
}

} // namespace

int BudgetCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Show today's spending and the budget limits, or change them. Requests whose worst-case cost would pass a "
        "limit warn, or are not sent with --action block."_s);
    parser.addHelpOption();
    const QCommandLineOption config = configOption();
    const QCommandLineOption perRequest(u"per-request"_s, u"Limit per request in USD, or none."_s, u"USD"_s);
    const QCommandLineOption perDay(u"per-day"_s, u"Limit per calendar day in USD, or none."_s, u"USD"_s);
    const QCommandLineOption action(u"action"_s, u"What going over a limit does: warn or block."_s, u"ACTION"_s);
    const QCommandLineOption json(u"json"_s, u"Print the spending and the limits as JSON (amounts in USD; null: none)."_s);
    parser.addOptions({config, perRequest, perDay, action, json});
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(),
                             u"juxta budget [--per-request USD] [--per-day USD] [--action A] [--json]"_s));
        return Success;
    }
    Workspace workspace(kCommand, parser.value(config));
    if (parser.isSet(perRequest) || parser.isSet(perDay) || parser.isSet(action)) {
        QString error;
        BudgetLimits limits = workspace.config().budget;
        if ((parser.isSet(perRequest) && !readLimit(parser.value(perRequest), limits.perRequestUsd, error))
            || (parser.isSet(perDay) && !readLimit(parser.value(perDay), limits.perDayUsd, error))) {
            printError(kCommand, error);
            return BadUsage;
        }
        if (parser.isSet(action)) {
            const QString a = parser.value(action);
            if (a != u"warn"_s && a != u"block"_s) {
                printError(kCommand, u"--action is warn or block"_s);
                return BadUsage;
            }
            limits.action = a == u"block"_s ? BudgetLimits::Action::Block : BudgetLimits::Action::Warn;
        }
        if (!workspace.store().update([&](AppConfig& c) { c.budget = limits; }, &error)) {
            printError(kCommand, error);
            return BadUsage;
        }
    }
    const BudgetLimits& limits = workspace.config().budget;
    const std::optional<double> today = SpendLedger().spentToday();
    const QString when = limits.action == BudgetLimits::Action::Block ? u"block"_s : u"warn"_s;
    if (parser.isSet(json)) {
        const auto amount = [](const std::optional<double>& usd) { return usd ? QJsonValue(*usd) : QJsonValue(); };
        QJsonObject out{{u"spent_today_usd"_s, amount(today)},
                        {u"per_request_usd"_s, amount(limits.perRequestUsd)},
                        {u"per_day_usd"_s, amount(limits.perDayUsd)},
                        {u"action"_s, when}};
        if (!today)
            out.insert(u"ledger_damaged"_s, SpendLedger::defaultPath());
        printOut(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return Success;
    }
    printOut(u"spent today: %1\nper request: %2\nper day:     %3\nwhen over:   %4\n"_s.arg(
        today ? formatMoney(*today, u"USD"_s) : u"unknown (%1 is damaged)"_s.arg(SpendLedger::defaultPath()),
        limitText(limits.perRequestUsd), limitText(limits.perDayUsd), when));
    return Success;
}

} // namespace juxta::cli
