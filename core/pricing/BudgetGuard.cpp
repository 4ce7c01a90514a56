// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/BudgetGuard.h"

#include "common/JsonAccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

BudgetVerdict exceeded(const BudgetLimits& limits, const QString& message)
{
    return {limits.action == BudgetLimits::Action::Block ? BudgetVerdict::Kind::Block : BudgetVerdict::Kind::Warn,
            message};
}

} // namespace

BudgetVerdict checkBudget(const BudgetLimits& limits, const std::optional<CostEstimate>& estimate,
                          std::optional<double> spentToday)
{
    if (!limits.isSet())
        return {};
    const bool mayCost = !estimate || !estimate->max || *estimate->max > 0; // a free local model never does
    if (!spentToday && limits.perDayUsd && mayCost)
        return exceeded(limits, u"Today's spending cannot be read: %1 is damaged, so the daily limit cannot be "
                                "checked. Fix or delete that file (deleting it starts today's count at zero)."_s.arg(
                                    SpendLedger::defaultPath()));
    const double spentTodayUsd = spentToday.value_or(0);
    if (limits.perDayUsd && spentTodayUsd >= *limits.perDayUsd && mayCost)
        return exceeded(limits, u"Today's spending (%1) has reached the daily limit of %2."_s.arg(
                                    formatMoney(spentTodayUsd, u"USD"_s), formatMoney(*limits.perDayUsd, u"USD"_s)));
    // A cost that cannot be bounded cannot be shown to fit: in block mode that blocks, otherwise it warns.
    const auto unbounded = [&](const QString& message) {
        return BudgetVerdict{limits.action == BudgetLimits::Action::Block ? BudgetVerdict::Kind::Block
                                                                          : BudgetVerdict::Kind::Warn,
                             message};
    };
    if (!estimate || estimate->currency != u"USD"_s)
        return unbounded(u"The price of this model is unknown, so the budget cannot be checked; add a price "
                         "override for it."_s);
    if (!estimate->max)
        return unbounded(u"The answer's length has no known limit, so its cost cannot be bounded; set max tokens."_s);
    const double worst = *estimate->max;
    if (limits.perRequestUsd && worst > *limits.perRequestUsd)
        return exceeded(limits, u"This request may cost up to %1, over the per-request limit of %2."_s.arg(
                                    formatMoney(worst, u"USD"_s), formatMoney(*limits.perRequestUsd, u"USD"_s)));
    if (limits.perDayUsd && worst > 0 && spentTodayUsd + worst > *limits.perDayUsd)
        return exceeded(limits, u"Today's spending (%1) plus up to %2 for this request would pass the daily limit "
                                "of %3."_s.arg(formatMoney(spentTodayUsd, u"USD"_s), formatMoney(worst, u"USD"_s),
                                               formatMoney(*limits.perDayUsd, u"USD"_s)));
    return {};
}

std::optional<SpendCap> spendCapFor(const BudgetLimits& limits, double spentTodayUsd)
{
    if (limits.action != BudgetLimits::Action::Block || !limits.isSet())
        return std::nullopt; // a warning was shown and accepted: the answer runs to its end
    std::optional<SpendCap> cap;
    if (limits.perRequestUsd)
        cap = SpendCap{*limits.perRequestUsd,
                       u"the per-request limit of %1"_s.arg(formatMoney(*limits.perRequestUsd, u"USD"_s))};
    if (limits.perDayUsd) {
        const double left = std::max(0.0, *limits.perDayUsd - spentTodayUsd);
        if (!cap || left < cap->usd)
            cap = SpendCap{left, u"the daily limit of %1 (%2 spent before this answer)"_s.arg(
                                     formatMoney(*limits.perDayUsd, u"USD"_s), formatMoney(spentTodayUsd, u"USD"_s))};
    }
    return cap;
}

std::optional<CostEstimate> worstEstimate(const QList<std::optional<CostEstimate>>& estimates)
{
    std::optional<CostEstimate> worst;
    for (const auto& e : estimates) {
        if (!e || (worst && e->currency != worst->currency))
            return std::nullopt; // one target of unknown price (or another currency) makes the request unknown
        if (!worst || (worst->max && (!e->max || *e->max > *worst->max)))
            worst = e;
    }
    return worst;
}

SpendLedger::SpendLedger(QString path) : m_path(std::move(path))
{
    load();
}

QString SpendLedger::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/juxta/spend.json"_s;
}

double SpendLedger::spentOn(QDate day) const
{
    return m_days.value(day, 0.0);
}

std::optional<double> SpendLedger::spentToday() const
{
    return m_damaged ? std::nullopt : std::optional<double>(spentOn(QDate::currentDate()));
}

void SpendLedger::load()
{
    m_damaged = false;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // none yet: nothing spent
    const QByteArray bytes = file.read(1 << 20);
    const json::Json parsed = json::parse(bytes);
    if (!parsed.is_object()) {
        m_damaged = !bytes.trimmed().isEmpty(); // an empty file holds nothing to lose
        return;
    }
    m_days.clear();
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        const QDate day = QDate::fromString(QString::fromStdString(it.key()), Qt::ISODate);
        if (day.isValid() && it.value().is_number() && it.value().get<double>() >= 0)
            m_days.insert(day, it.value().get<double>());
    }
}

bool SpendLedger::record(double usd, QDate day)
{
    if (!(usd > 0))
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // Read, add and write under one lock: the app and a `juxta` process spending at once both count. A holder
    // that died leaves a stale lock, taken over after 10 s.
    QLockFile lock(m_path + u".lock"_s);
    lock.setStaleLockTime(10'000);
    if (!lock.tryLock(5'000))
        return false;
    load(); // another window or process may have spent since
    if (m_damaged)
        return false; // never replace a damaged ledger with one day's amount: the block stays until it is fixed
    m_days[day] += usd;
    while (!m_days.isEmpty() && m_days.firstKey() < day.addDays(-90))
        m_days.erase(m_days.begin());
    json::Json out = json::Json::object();
    for (auto it = m_days.cbegin(); it != m_days.cend(); ++it)
        out[it.key().toString(Qt::ISODate).toStdString()] = it.value();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const std::string text = out.dump(1);
    file.write(text.data(), qint64(text.size()));
    return file.commit();
}

std::optional<CostEstimate> totalEstimate(const QList<std::optional<CostEstimate>>& estimates, int times)
{
    std::optional<CostEstimate> total;
    for (const auto& e : estimates) {
        if (!e || (total && e->currency != total->currency))
            return std::nullopt;
        if (!total) {
            total = e;
            continue;
        }
        total->inputTokensLow += e->inputTokensLow;
        total->inputTokensHigh += e->inputTokensHigh;
        total->maxOutputTokens = total->maxOutputTokens && e->maxOutputTokens
                                     ? std::optional(*total->maxOutputTokens + *e->maxOutputTokens) : std::nullopt;
        total->min += e->min;
        total->max = total->max && e->max ? std::optional(*total->max + *e->max) : std::nullopt;
    }
    if (total && times > 1) {
        total->inputTokensLow *= times;
        total->inputTokensHigh *= times;
        if (total->maxOutputTokens)
            *total->maxOutputTokens *= times;
        total->min *= times;
        if (total->max)
            *total->max *= times;
    }
    return total;
}

} // namespace juxta
