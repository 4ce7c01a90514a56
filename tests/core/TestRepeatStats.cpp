// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat statistics: median (the mean of the middle two for even counts), nearest-rank 95th percentile, spread;
// failed runs leave the figures alone.
#include "compare/RepeatStats.h"

#include <QTest>

using namespace juxta;

class TestRepeatStats : public QObject
{
    Q_OBJECT

private slots:
    void distribution_data();
    void distribution();
    void quartilesAreNearestRank();
    void onlySucceededRunsCount();
};

void TestRepeatStats::distribution_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::newRow("one") << QList<double>{7} << 7.0 << 7.0 << 7.0 << 7.0;
    QTest::newRow("odd, unsorted") << QList<double>{30, 10, 20} << 20.0 << 30.0 << 10.0 << 30.0;
    QTest::newRow("even") << QList<double>{1, 2, 3, 4} << 2.5 << 4.0 << 1.0 << 4.0;
    QList<double> hundred;
    for (int i = 1; i <= 100; ++i)
        hundred.append(i);
    QTest::newRow("1..100") << hundred << 50.5 << 95.0 << 1.0 << 100.0;
    QList<double> twenty;
    for (int i = 1; i <= 20; ++i)
        twenty.append(i * 10);
    QTest::newRow("20 values: p95 is the 19th") << twenty << 105.0 << 190.0 << 10.0 << 200.0;
}

void TestRepeatStats::distribution()
{
    QFETCH(QList<double>, values);
    QFETCH(double, median);
    QFETCH(double, p95);
    QFETCH(double, min);
    QFETCH(double, max);
    const std::optional<Distribution> d = distributionOf(values);
    QVERIFY(d);
    QCOMPARE(d->samples, values.size());
    QCOMPARE(d->median, median);
    QCOMPARE(d->p95, p95);
    QCOMPARE(d->min, min);
    QCOMPARE(d->max, max);
    QVERIFY(d->min <= d->lowerQuartile && d->lowerQuartile <= d->upperQuartile && d->upperQuartile <= d->max);
    QVERIFY(!distributionOf({}));
}

void TestRepeatStats::quartilesAreNearestRank()
{
    QList<double> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    const std::optional<Distribution> d = distributionOf(hundred);
    QCOMPARE(d->lowerQuartile, 25.0);
    QCOMPARE(d->upperQuartile, 75.0);
    const std::optional<Distribution> three = distributionOf({30, 10, 20});
    QCOMPARE(three->lowerQuartile, 10.0); // rank ceil(0.75) = 1
    QCOMPARE(three->upperQuartile, 30.0); // rank ceil(2.25) = 3
}

void TestRepeatStats::onlySucceededRunsCount()
{
    QList<RoutedOutcome> runs(3);
    runs[0].outcome.complete = true;
    runs[0].outcome.metrics.ttftMs = 100;
    runs[0].outcome.metrics.totalMs = 900;
    runs[1].outcome.complete = false; // failed fast: says nothing about the model's speed
    runs[1].outcome.metrics.ttftMs = 1;
    runs[2].outcome.complete = true;
    runs[2].outcome.metrics.ttftMs = 300;
    const RepeatStats s = repeatStatsOf(runs);
    QCOMPARE(s.runs, 3);
    QCOMPARE(s.succeeded, 2);
    QCOMPARE(s.ttftMs->median, 200.0);
    QCOMPARE(s.ttftMs->samples, 2);
    QCOMPARE(s.totalMs->samples, 1);
    QVERIFY(!s.outputTokensPerSecond);
}

QTEST_GUILESS_MAIN(TestRepeatStats)
#include "TestRepeatStats.moc"
