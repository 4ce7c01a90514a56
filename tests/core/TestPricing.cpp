// SPDX-License-Identifier: GPL-3.0-or-later
// Cost arithmetic against hand-computed cases: cached reads, cache writes, reasoning, thinking-mode prices,
// long-context tiers, estimates, the budget guard and the provider's own bill.
#include "pricing/BudgetGuard.h"
#include "pricing/CostCalculator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace juxta;

Q_DECLARE_METATYPE(juxta::ModelPrice)
Q_DECLARE_METATYPE(juxta::Usage)

namespace {

ModelPrice price(double input, std::optional<double> cached, std::optional<double> write, double output,
                 std::optional<double> thinking = std::nullopt)
{
    ModelPrice p;
    p.base = {input, cached, write, output, thinking, std::nullopt};
    return p;
}

Usage usage(qint64 input, qint64 cached, qint64 written, qint64 output, qint64 reasoning)
{
    Usage u;
    u.inputTokens = input;
    u.cachedInputTokens = cached;
    u.cacheWriteTokens = written;
    u.outputTokens = output;
    u.reasoningTokens = reasoning;
    return u;
}

ModelPrice geminiProLike()
{
    ModelPrice p = price(1.25, 0.31, std::nullopt, 10.0);
    p.tiers.append({200'000, {2.5, 0.625, std::nullopt, 15.0, std::nullopt, std::nullopt}});
    return p;
}

} // namespace

class TestPricing : public QObject
{
    Q_OBJECT

private slots:
    void costMatchesHandComputedCases_data();
    void costMatchesHandComputedCases();
    void costNeedsBothCounts();
    void breakdownNamesTierAndThinking();
    void billedCostIsCheckedAgainstOurs();
    void priceJsonRoundTripsAndRejectsNonsense();
    void tokenEstimateCountsScripts();
    void estimateGivesMinAndMax();
    void budgetGuardWarnsOrBlocks();
    void ledgerAddsUpAcrossInstances();
    void ledgerCountsEveryProcessSpendingAtOnce();
    void damagedLedgerFailsClosedInBlockMode();
    void moneyIsFormattedToTellCheapModelsApart();
};

void TestPricing::costMatchesHandComputedCases_data()
{
    QTest::addColumn<ModelPrice>("price");
    QTest::addColumn<Usage>("usage");
    QTest::addColumn<double>("expected");

    // 6,000 uncached × $2.50 + 4,000 cached × $1.25 + 2,000 out × $10 (per 1M) = 0.015 + 0.005 + 0.02
    QTest::newRow("openai cached input") << price(2.5, 1.25, std::nullopt, 10) << usage(10'000, 4'000, 0, 2'000, 0)
                                         << 0.04;
    // Anthropic normalized: 100 fresh + 5,000 read + 2,000 written = 7,100 input.
    // 100 × 3 + 5,000 × 0.30 + 2,000 × 3.75 + 500 × 15 = 0.0003 + 0.0015 + 0.0075 + 0.0075
    QTest::newRow("anthropic cache read and write")
        << price(3, 0.30, 3.75, 15) << usage(7'100, 5'000, 2'000, 500, 0) << 0.0168;
    // Reasoning tokens are part of output: 1,000 × 1.10 + 3,000 × 4.40 = 0.0011 + 0.0132
    QTest::newRow("reasoning billed as output") << price(1.1, 0.275, std::nullopt, 4.4)
                                                << usage(1'000, 0, 0, 3'000, 2'500) << 0.0143;
    // Thinking-mode output price applies once the model thought: 2,000 × 0.40 + 1,000 × 4.00
    QTest::newRow("thinking price") << price(0.4, std::nullopt, std::nullopt, 1.2, 4.0)
                                    << usage(2'000, 0, 0, 1'000, 100) << 0.0048;
    // …and not otherwise: 2,000 × 0.40 + 1,000 × 1.20
    QTest::newRow("no thinking, normal price") << price(0.4, std::nullopt, std::nullopt, 1.2, 4.0)
                                               << usage(2'000, 0, 0, 1'000, 0) << 0.002;
    // Above 200k input the whole request moves tier: 200,000 × 2.50 + 50,000 × 0.625 + 1,000 × 15
    QTest::newRow("long-context tier") << geminiProLike() << usage(250'000, 50'000, 0, 1'000, 0) << 0.54625;
    // Exactly at the threshold stays in the base tier: 200,000 × 1.25 + 1,000 × 10
    QTest::newRow("tier threshold is exclusive") << geminiProLike() << usage(200'000, 0, 0, 1'000, 0) << 0.26;
    // No cache price listed: cached tokens cost normal input. 1,000 × 0.50 + 100 × 1.50
    QTest::newRow("no cache discount") << price(0.5, std::nullopt, std::nullopt, 1.5)
                                       << usage(1'000, 600, 0, 100, 0) << 0.00065;
    // A cached count above the input count (a provider bug) is clamped, never negative: 1,000 × 0.10 + 0
    QTest::newRow("cached clamped to input") << price(1, 0.1, std::nullopt, 2) << usage(1'000, 5'000, 0, 0, 0)
                                             << 0.0001;
    // OpenRouter's internal_reasoning prices only the reasoning part: 600 × 15 + 400 × 5 + 1,000 × 3
    QTest::newRow("reasoning-only price") << [] {
        ModelPrice p = price(3, std::nullopt, std::nullopt, 15);
        p.base.reasoningOutput = 5;
        return p;
    }() << usage(1'000, 0, 0, 1'000, 400) << 0.014;
    QTest::newRow("free local model") << ModelPrice{} << usage(5'000, 0, 0, 5'000, 0) << 0.0;
}

void TestPricing::costMatchesHandComputedCases()
{
    QFETCH(ModelPrice, price);
    QFETCH(Usage, usage);
    QFETCH(double, expected);
    const auto cost = computeCost(price, usage);
    QVERIFY(cost);
    QVERIFY2(qAbs(cost->total - expected) < 1e-12, qPrintable(QString::number(cost->total, 'g', 17)));
    QVERIFY(qAbs(cost->uncachedInput + cost->cachedInput + cost->cacheWrite + cost->output - cost->total) < 1e-15);
}

void TestPricing::costNeedsBothCounts()
{
    Usage onlyInput;
    onlyInput.inputTokens = 10;
    QVERIFY(!computeCost(price(1, {}, {}, 1), onlyInput));
    QVERIFY(!computeCost(price(1, {}, {}, 1), Usage{}));
    const auto free = computeCost(ModelPrice{}, Usage{}); // a free model costs nothing even without counts
    QVERIFY(free);
    QCOMPARE(free->total, 0.0);
}

void TestPricing::breakdownNamesTierAndThinking()
{
    auto cost = computeCost(geminiProLike(), usage(300'000, 0, 0, 10, 0));
    QCOMPARE(cost->tierAbove, 200'000);
    QVERIFY(!cost->thinkingPrice);
    cost = computeCost(price(0.4, {}, {}, 1.2, 4.0), usage(10, 0, 0, 10, 5));
    QVERIFY(cost->thinkingPrice);
    QCOMPARE(cost->currency, u"USD"_s);
}

void TestPricing::billedCostIsCheckedAgainstOurs()
{
    Usage u = usage(7'100, 5'000, 2'000, 500, 0);
    QVERIFY(!checkBilledCost(u, computeCost(price(3, 0.3, 3.75, 15), u)));
    u.billedCostUsd = 0.0168;
    auto check = checkBilledCost(u, computeCost(price(3, 0.3, 3.75, 15), u));
    QVERIFY(check && check->agrees);
    QCOMPARE(*check->computedUsd, 0.0168);
    u.billedCostUsd = 0.0336; // the provider charged twice what our list says: the list is stale
    check = checkBilledCost(u, computeCost(price(3, 0.3, 3.75, 15), u));
    QVERIFY(check && !check->agrees);
    check = checkBilledCost(u, std::nullopt); // no price of ours: the bill stands alone
    QVERIFY(check && !check->computedUsd);
}

void TestPricing::priceJsonRoundTripsAndRejectsNonsense()
{
    const ModelPrice p = geminiProLike();
    const auto back = ModelPrice::fromJson(p.toJson());
    QVERIFY(back);
    QCOMPARE(*back, p);
    QString error;
    QVERIFY(!ModelPrice::fromJson(R"({"input": -1, "output": 2})", &error));
    QVERIFY(error.contains(u"input"_s));
    QVERIFY(!ModelPrice::fromJson(R"({"input": 1})", &error));
    QVERIFY(!ModelPrice::fromJson(R"({"input": 1, "output": 1, "currency": "dollars"})", &error));
    QVERIFY(!ModelPrice::fromJson(R"({"input": 1, "output": 1, "tiers": [{"input": 2, "output": 2}]})", &error));
    const auto cny = ModelPrice::fromJson(R"({"input": 1, "output": 2, "currency": "cny"})");
    QCOMPARE(cny->currency, u"CNY"_s);
}

void TestPricing::tokenEstimateCountsScripts()
{
    QCOMPARE(estimateTokens(u"hello world"), 3);            // 11 bytes / 4, rounded up
    QCOMPARE(estimateTokens(u"你好世界"), 4);                 // one token per CJK character
    QCOMPARE(estimateTokens(u""), 0);
    QCOMPARE(estimatePromptTokens({u"hello world"_s, u"你好世界"_s}), 3 + 4 + 3 + 4 + 4);
}

void TestPricing::estimateGivesMinAndMax()
{
    // 1,000 prompt tokens → 800 low, 1,250 high. min = 800 × 1 + 1 × 2; max = 1,250 × 1 + 500 × 2 (per 1M).
    const CostEstimate e = estimateCost(price(1, {}, {}, 2), 1'000, 500);
    QCOMPARE(e.inputTokensLow, 800);
    QCOMPARE(e.inputTokensHigh, 1'250);
    QVERIFY(qAbs(e.min - 0.000802) < 1e-12);
    QVERIFY(e.max && qAbs(*e.max - 0.00225) < 1e-12);
    // The thinking price bounds the worst case when it is higher.
    const CostEstimate thinking = estimateCost(price(1, {}, {}, 2, 8), 1'000, 500);
    QVERIFY(qAbs(*thinking.max - (0.00125 + 0.004)) < 1e-12);
    QVERIFY(!estimateCost(price(1, {}, {}, 2), 1'000, std::nullopt).max);
}

void TestPricing::budgetGuardWarnsOrBlocks()
{
    const CostEstimate e = estimateCost(price(1, {}, {}, 2), 1'000, 500); // max $0.00225
    BudgetLimits none;
    QCOMPARE(checkBudget(none, e, 100).kind, BudgetVerdict::Kind::Allow);

    BudgetLimits perRequest;
    perRequest.perRequestUsd = 0.001;
    perRequest.action = BudgetLimits::Action::Block;
    const BudgetVerdict blocked = checkBudget(perRequest, e, 0);
    QCOMPARE(blocked.kind, BudgetVerdict::Kind::Block);
    QVERIFY(blocked.message.contains(u"per-request"_s));

    BudgetLimits perDay;
    perDay.perDayUsd = 0.01;
    QCOMPARE(checkBudget(perDay, e, 0.007).kind, BudgetVerdict::Kind::Allow);
    QCOMPARE(checkBudget(perDay, e, 0.009).kind, BudgetVerdict::Kind::Warn);
    QCOMPARE(checkBudget(perDay, std::nullopt, 0).kind, BudgetVerdict::Kind::Warn); // unknown price
    QVERIFY(checkBudget(perDay, e, 0.01).message.contains(u"reached"_s));           // the day is spent
    QCOMPARE(checkBudget(perDay, estimateCost(ModelPrice{}, 1'000, 500), 0.05).kind,
             BudgetVerdict::Kind::Allow); // a free local model is never over budget

    BudgetLimits strict = perDay;
    strict.action = BudgetLimits::Action::Block;
    QCOMPARE(checkBudget(strict, std::nullopt, 0).kind, BudgetVerdict::Kind::Block); // cannot be bounded: blocked
    QCOMPARE(checkBudget(strict, estimateCost(price(1, {}, {}, 2), 10, std::nullopt), 0).kind,
             BudgetVerdict::Kind::Block);
    QCOMPARE(checkBudget(strict, e, 0.02).kind, BudgetVerdict::Kind::Block); // already over, whatever this costs
    QVERIFY(checkBudget(strict, e, 0.02).message.contains(u"reached"_s));
    // Any target may serve: the worst of them counts, and one unknown makes the whole request unknown.
    const CostEstimate cheap = estimateCost(price(0.1, {}, {}, 0.2), 1'000, 500);
    QCOMPARE(*worstEstimate({cheap, e})->max, *e.max);
    QVERIFY(!worstEstimate({cheap, std::nullopt}));
    ModelPrice yuan = price(1, {}, {}, 2);
    yuan.currency = u"CNY"_s;
    QVERIFY(!worstEstimate({cheap, estimateCost(yuan, 1'000, 500)})); // currencies are not compared
    QCOMPARE(checkBudget(perDay, estimateCost(price(1, {}, {}, 2), 10, std::nullopt), 0).kind,
             BudgetVerdict::Kind::Warn); // unbounded answer

    // A comparison sends every column (times its repeats) at once: the sum is what the budget sees.
    const std::optional<CostEstimate> total = totalEstimate({cheap, e}, 3);
    QVERIFY(total);
    QVERIFY(qFuzzyCompare(total->min, 3 * (cheap.min + e.min)));
    QVERIFY(qFuzzyCompare(*total->max, 3 * (*cheap.max + *e.max)));
    QCOMPARE(total->inputTokensHigh, 3 * (cheap.inputTokensHigh + e.inputTokensHigh));
    QVERIFY(!totalEstimate({cheap, std::nullopt}));
    QVERIFY(!totalEstimate({cheap, estimateCost(yuan, 1'000, 500)}));
    QVERIFY(!totalEstimate({cheap, estimateCost(price(1, {}, {}, 2), 10, std::nullopt)})->max); // unbounded stays so
    BudgetLimits perRequestWarn;
    perRequestWarn.perRequestUsd = *e.max * 1.5; // one column fits, the whole comparison does not
    QCOMPARE(checkBudget(perRequestWarn, e, 0).kind, BudgetVerdict::Kind::Allow);
    QCOMPARE(checkBudget(perRequestWarn, totalEstimate({e, e}), 0).kind, BudgetVerdict::Kind::Warn);
}

void TestPricing::ledgerAddsUpAcrossInstances()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"spend.json"_s);
    const QDate day(2026, 11, 24);
    SpendLedger(path).record(0.25, day);
    SpendLedger(path).record(0.50, day);
    SpendLedger(path).record(1.00, day.addDays(-1));
    SpendLedger(path).record(-5, day); // refunds and nonsense are not spending
    QCOMPARE(SpendLedger(path).spentOn(day), 0.75);
    QCOMPARE(SpendLedger(path).spentOn(day.addDays(-1)), 1.0);
    QCOMPARE(SpendLedger(path).spentOn(day.addDays(1)), 0.0);
}

void TestPricing::ledgerCountsEveryProcessSpendingAtOnce()
{
    // The app and `juxta` processes record at the same moment: four processes, 100 records each, none lost.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"spend.json"_s);
    const QDate day(2026, 11, 24);
    QList<pid_t> children;
    for (int c = 0; c < 4; ++c) {
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            bool ok = true;
            for (int i = 0; i < 100; ++i)
                ok = SpendLedger(path).record(0.01, day) && ok;
            ::_exit(ok ? 0 : 1);
        }
        children.append(pid);
    }
    for (pid_t pid : std::as_const(children)) {
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    QVERIFY2(qAbs(SpendLedger(path).spentOn(day) - 4.0) < 1e-9, qPrintable(QString::number(SpendLedger(path).spentOn(day))));
}

void TestPricing::damagedLedgerFailsClosedInBlockMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"spend.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"2026-11-24\": 0.5, truncated");
    file.close();
    SpendLedger ledger(path);
    QVERIFY(ledger.isDamaged());
    QVERIFY(!ledger.spentToday());
    QVERIFY(!ledger.record(0.25)); // never overwritten with one amount: that would forget what was spent
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(again.readAll().contains("truncated"));

    BudgetLimits limits;
    limits.perDayUsd = 5;
    limits.action = BudgetLimits::Action::Block;
    const CostEstimate e = estimateCost(price(1, {}, {}, 1), 100, 100);
    const BudgetVerdict blocked = checkBudget(limits, e, ledger.spentToday());
    QCOMPARE(blocked.kind, BudgetVerdict::Kind::Block);
    QVERIFY2(blocked.message.contains(u"damaged"_s), qPrintable(blocked.message));
    limits.action = BudgetLimits::Action::Warn;
    QCOMPARE(checkBudget(limits, e, ledger.spentToday()).kind, BudgetVerdict::Kind::Warn);
    limits.perDayUsd.reset(); // no daily limit: what was spent today does not matter
    limits.perRequestUsd = 5;
    QCOMPARE(checkBudget(limits, e, ledger.spentToday()).kind, BudgetVerdict::Kind::Allow);
    QFile::remove(path);       // the way out the message names
    QVERIFY(SpendLedger(path).spentToday());
}

void TestPricing::moneyIsFormattedToTellCheapModelsApart()
{
    QCOMPARE(formatMoney(0.0123456, u"USD"_s), u"$0.0123"_s);
    QCOMPARE(formatMoney(12.4, u"USD"_s), u"$12.40"_s);
    QCOMPARE(formatMoney(0.00001, u"USD"_s), u"<$0.0001"_s);
    QCOMPARE(formatMoney(0, u"USD"_s), u"$0.00"_s);
    QCOMPARE(formatMoney(0.52, u"CNY"_s), u"CNY 0.5200"_s);
    QCOMPARE(formatPricePerMillion(price(2.5, {}, {}, 10)), u"$2.50 / $10.00 per 1M"_s);
    QCOMPARE(formatPricePerMillion(price(0.0375, {}, {}, 0.15)), u"$0.0375 / $0.15 per 1M"_s);
    QCOMPARE(formatPricePerMillion(ModelPrice{}), u"free"_s);
}

QTEST_GUILESS_MAIN(TestPricing)
#include "TestPricing.moc"
