// SPDX-License-Identifier: GPL-3.0-or-later
// Optional spending limits checked before a request is sent, and the per-day ledger they are checked against.
#pragma once

#include "pricing/CostCalculator.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <optional>

namespace juxta {

struct BudgetLimits
{
    enum class Action { Warn, Block };
    std::optional<double> perRequestUsd;
    std::optional<double> perDayUsd;
    Action action = Action::Warn;

    bool isSet() const { return perRequestUsd || perDayUsd; }
};

struct BudgetVerdict
{
    enum class Kind { Allow, Warn, Block };
    Kind kind = Kind::Allow;
    QString message; // why, in words the user can act on
};

// Checks an estimate's upper bound against the limits (in USD) and today's spending. A cost that cannot be
// bounded (unknown price, other currency, no output limit) warns, or blocks in block mode; so does a day's
// spending that cannot be read (nullopt: a damaged ledger) when there is a daily limit.
BudgetVerdict checkBudget(const BudgetLimits& limits, const std::optional<CostEstimate>& estimate,
                          std::optional<double> spentTodayUsd);
// What one answer may cost at most under limits in block mode, checked while it streams (the check before the send
// trusts max_tokens and the price list; this one catches a model that ignores them, and answers running at once).
struct SpendCap
{
    double usd = 0;
    QString limit; // "the per-request limit of $0.05"
};
std::optional<SpendCap> spendCapFor(const BudgetLimits& limits, double spentTodayUsd);

// The worst case of a request that any of several targets may serve; unknown if any target's price is.
std::optional<CostEstimate> worstEstimate(const QList<std::optional<CostEstimate>>& estimates);
// Several requests sent together (a comparison: each column, `times` over): min and max add up; unknown if any
// part is unknown or in another currency; the max stays unbounded if any part's is.
std::optional<CostEstimate> totalEstimate(const QList<std::optional<CostEstimate>>& estimates, int times = 1);

// Spend per local calendar day, in $XDG_DATA_HOME/juxta/spend.json. Keeps 90 days. The app and any number of
// `juxta` processes share it: a record is a read-modify-write under a lock file, so none undercounts another.
// A damaged ledger is never overwritten (that would forget the day's spending); it reads as unknown, which
// blocks in block mode until the file is fixed or deleted.
class SpendLedger
{
public:
    explicit SpendLedger(QString path = defaultPath());
    static QString defaultPath();

    double spentOn(QDate day) const;                 // 0 when unknown
    std::optional<double> spentToday() const;        // nullopt when the ledger is damaged
    bool isDamaged() const { return m_damaged; }
    // Saves at once, atomically, under the lock; false when it could not (damaged, locked for long, disk).
    bool record(double usd, QDate day = QDate::currentDate());

private:
    void load();

    QString m_path;
    QMap<QDate, double> m_days;
    bool m_damaged = false;
};

} // namespace juxta
