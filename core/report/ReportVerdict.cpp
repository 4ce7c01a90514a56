// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportVerdict.h"

#include "common/Plurals.h"
#include "report/FigureFormat.h"

#include <QCoreApplication>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

bool succeeded(const ReportAnswer& a)
{
    return a.state == MessageState::Complete && a.stats.errorClass.isEmpty();
}

} // namespace

void computeModelFigures(Report& report)
{
    for (ReportModelFigures& m : report.models) {
        QList<double> ttft, total, rate;
        double cost = 0;
        m.answers = m.succeeded = m.unpricedAnswers = 0;
        m.inputTokens = m.outputTokens = 0;
        m.offline = false;
        for (const ReportAnswer& a : std::as_const(report.answers)) {
            if (a.model != m.model)
                continue;
            ++m.answers;
            const AnswerStats& s = a.stats;
            m.offline = m.offline || s.offline;
            m.inputTokens += s.inputTokens.value_or(0);
            m.outputTokens += s.outputTokens.value_or(0);
            if (s.offline)
                ; // $0 by definition
            else if (s.costUsd)
                cost += *s.costUsd;
            else if (s.outputTokens.value_or(0) > 0 || s.inputTokens.value_or(0) > 0 || succeeded(a))
                ++m.unpricedAnswers; // it was billed, at a price we do not know
            if (!succeeded(a))
                continue;
            ++m.succeeded;
            if (s.ttftMs)
                ttft.append(*s.ttftMs);
            if (s.totalMs)
                total.append(*s.totalMs);
            if (const std::optional<double> r = honestTokensPerSecond(s))
                rate.append(*r);
        }
        m.ttftMs = distributionOf(ttft);
        m.totalMs = distributionOf(total);
        m.tokensPerSecond = distributionOf(rate);
        m.costUsd = m.unpricedAnswers > 0 ? std::nullopt : std::optional<double>(cost);
    }
}

QList<ReportClaim> comparisonVerdict(const Report& report)
{
    QList<ReportClaim> claims;
    const auto& models = report.models;

    // Fastest: lowest median total time.
    QList<const ReportModelFigures*> timed;
    for (const ReportModelFigures& m : models)
        if (m.totalMs)
            timed.append(&m);
    std::stable_sort(timed.begin(), timed.end(),
                     [](auto* a, auto* b) { return a->totalMs->median < b->totalMs->median; });
    if (timed.size() >= 2) {
        const ReportModelFigures& f = *timed.first();
        const ReportModelFigures& next = *timed.at(1);
        const QString measure = f.totalMs->samples > 1 ? tr("median total %1 over %n answers", f.totalMs->samples)
                                                       : tr("total %1 in its one answer");
        if (next.totalMs->median == f.totalMs->median) // a tie names no winner
            claims.append({u"fastest"_s, QString(),
                           tr("Fastest: a tie between %1 and %2 — %3.")
                               .arg(f.model, next.model, measure.arg(formatDuration(f.totalMs->median))),
                           f.totalMs->samples});
        else
            claims.append({u"fastest"_s, f.model,
                           tr("Fastest: %1 — %2; next %3 at %4.")
                               .arg(f.model, measure.arg(formatDuration(f.totalMs->median)), next.model,
                                    formatDuration(next.totalMs->median)),
                           f.totalMs->samples});
    }

    // Cheapest: lowest total among models with every price known.
    QList<const ReportModelFigures*> priced;
    QStringList unknown;
    for (const ReportModelFigures& m : models) {
        if (m.costUsd && m.succeeded > 0)
            priced.append(&m);
        else if (!m.costUsd)
            unknown.append(m.model);
    }
    std::stable_sort(priced.begin(), priced.end(), [](auto* a, auto* b) { return *a->costUsd < *b->costUsd; });
    const bool allFree = !priced.isEmpty() && std::all_of(priced.cbegin(), priced.cend(), [](auto* m) {
        return *m->costUsd == 0;
    });
    if (allFree && unknown.isEmpty()) {
        claims.append({u"cheapest"_s, QString(), tr("Cost: every answer was free (offline or $0)."), int(report.answers.size())});
    } else if (priced.size() >= 2 || (priced.size() == 1 && !unknown.isEmpty())) {
        const ReportModelFigures& c = *priced.first();
        const bool tie = priced.size() >= 2 && *priced.at(1)->costUsd == *c.costUsd;
        QString text = tie ? tr("Cheapest: a tie between %1 and %2 — %3 for %n answer(s) each", c.answers)
                                 .arg(c.model, priced.at(1)->model, formatCost(c.costUsd))
                           : tr("Cheapest: %1 — %2 for %n answer(s)", c.answers).arg(c.model, formatCost(c.costUsd));
        if (c.succeeded < c.answers) // cheap because it failed is not cheap
            text += tr(" (%1 succeeded)").arg(c.succeeded);
        if (priced.size() >= 2 && !tie)
            text += tr("; next %1 at %2").arg(priced.at(1)->model, formatCost(priced.at(1)->costUsd));
        claims.append({u"cheapest"_s, tie ? QString() : c.model, text + u'.', c.answers});
    }
    if (!unknown.isEmpty())
        claims.append({u"unknown_prices"_s, QString(),
                       tr("Price unknown for %1: not counted as cheapest.").arg(unknown.join(u", "_s)), 0});

    // Quality: only with enough votes.
    if (report.voteCount >= kMinVotesForQuality) {
        QList<const ReportModelFigures*> ranked;
        for (const ReportModelFigures& m : models)
            ranked.append(&m);
        std::stable_sort(ranked.begin(), ranked.end(), [](auto* a, auto* b) { return a->bestVotes > b->bestVotes; });
        const ReportModelFigures* best = ranked.value(0);
        const int runnerUp = ranked.size() > 1 ? ranked.at(1)->bestVotes : -1;
        if (best && best->bestVotes > 0 && best->bestVotes > runnerUp)
            claims.append({u"best_rated"_s, best->model,
                           tr("Best rated: %1 — chosen best in %2 of %n votes.", report.voteCount)
                               .arg(best->model, QString::number(best->bestVotes)),
                           report.voteCount});
        else // ties all round, or two models with as many "★ Best" votes: no single best
            claims.append({u"no_quality_claim"_s, QString(),
                           best && best->bestVotes > 0
                               ? tr("No quality claim: %1 and %2 were each chosen best %3 times in %n votes.", report.voteCount)
                                     .arg(best->model, ranked.at(1)->model, QString::number(best->bestVotes))
                               : tr("No quality claim: the %n votes in this comparison were all ties.", report.voteCount),
                           report.voteCount});
    } else {
        claims.append({u"no_quality_claim"_s, QString(),
                       tr("No quality claim: %n vote(s) in this comparison; %1 are needed.", report.voteCount)
                           .arg(kMinVotesForQuality),
                       report.voteCount});
    }
    return claims;
}

QList<ReportClaim> runVerdict(const Report& report)
{
    QList<ReportClaim> claims;
    int done = 0, failed = 0;
    for (const NodeRun& n : report.nodes) {
        done += n.state == NodeState::Done || n.state == NodeState::Cached;
        failed += n.state == NodeState::Failed;
    }
    claims.append({u"outcome"_s, QString(),
                   tr("Run %1: %2 of %n node(s) done, %3 failed, in %4.", int(report.nodes.size()))
                       .arg(report.runState)
                       .arg(done)
                       .arg(failed)
                       .arg(formatDuration(report.wallMs)),
                   int(report.nodes.size())});
    // Where the time went: the slowest model step.
    const ReportModelFigures* slowest = nullptr;
    for (const ReportModelFigures& m : report.models)
        if (m.totalMs && (!slowest || m.totalMs->median > slowest->totalMs->median))
            slowest = &m;
    if (slowest && report.wallMs > 0)
        claims.append({u"slowest_step"_s, slowest->model,
                       tr("Slowest step: %1 — %2, %3 % of the run's time.")
                           .arg(slowest->model, formatDuration(slowest->totalMs->median),
                                QString::number(qRound(100 * slowest->totalMs->median / report.wallMs))),
                       1});
    const ReportModelFigures* dearest = nullptr;
    for (const ReportModelFigures& m : report.models)
        if (m.costUsd && *m.costUsd > 0 && (!dearest || *m.costUsd > *dearest->costUsd))
            dearest = &m;
    if (dearest)
        claims.append({u"dearest_step"_s, dearest->model,
                       tr("Most expensive step: %1 — %2 of %3.")
                           .arg(dearest->model, formatCost(dearest->costUsd), formatCost(report.totalCostUsd)),
                       1});
    return claims;
}

} // namespace juxta
