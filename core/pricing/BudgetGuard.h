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
// bounded (unknown price, other currency, no output limit) warns, or blocks in block mode.
BudgetVerdict checkBudget(const BudgetLimits& limits, const std::optional<CostEstimate>& estimate,
                          double spentTodayUsd);
// The worst case of a request that any of several targets may serve; unknown if any target's price is.
std::optional<CostEstimate> worstEstimate(const QList<std::optional<CostEstimate>>& estimates);
// Several requests sent together (a comparison: each column, `times` over): min and max add up; unknown if any
// part is unknown or in another currency; the max stays unbounded if any part's is.
std::optional<CostEstimate> totalEstimate(const QList<std::optional<CostEstimate>>& estimates, int times = 1);

// Spend per local calendar day, in $XDG_DATA_HOME/juxta/spend.json (the history database takes this over
// when it exists). Keeps 90 days.
class SpendLedger
{
public:
    explicit SpendLedger(QString path = defaultPath());
    static QString defaultPath();

    double spentOn(QDate day) const;
    void record(double usd, QDate day = QDate::currentDate()); // saves at once, atomically

private:
    void load();

    QString m_path;
    QMap<QDate, double> m_days;
};

} // namespace juxta
