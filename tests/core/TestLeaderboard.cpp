// SPDX-License-Identifier: GPL-3.0-or-later
// The personal leaderboard: Elo updates as defined (K = 32, start 1000), win rates with ties as halves, vote counts,
// time order, and self-votes ignored.
#include "compare/Leaderboard.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

PairVote vote(const QString& a, const QString& b, PairVote::Result r, int minute)
{
    return {a, b, r, QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC).addSecs(minute * 60)};
}

} // namespace

class TestLeaderboard : public QObject
{
    Q_OBJECT

private slots:
    void firstVoteMovesBothBySixteen();
    void ratingsFollowTimeOrderNotListOrder();
    void countsWinRatesAndOrdering();
};

void TestLeaderboard::firstVoteMovesBothBySixteen()
{
    const QList<LeaderboardRow> rows = leaderboardOf({vote(u"a/x"_s, u"b/y"_s, PairVote::Result::FirstWins, 0)});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).model, u"a/x"_s);
    QCOMPARE(rows.at(0).rating, 1016.0); // equal ratings expect 0.5: 32 × (1 − 0.5)
    QCOMPARE(rows.at(1).rating, 984.0);
    QCOMPARE(rows.at(0).winRate(), 1.0);
    QCOMPARE(rows.at(1).winRate(), 0.0);
}

void TestLeaderboard::ratingsFollowTimeOrderNotListOrder()
{
    // B beats A, then A beats B: the second vote is an upset (A was lower), so A ends above B.
    const QList<PairVote> inTime{vote(u"A"_s, u"B"_s, PairVote::Result::SecondWins, 0),
                                 vote(u"A"_s, u"B"_s, PairVote::Result::FirstWins, 1)};
    const QList<PairVote> shuffled{inTime.at(1), inTime.at(0)};
    const QList<LeaderboardRow> rows = leaderboardOf(shuffled);
    QCOMPARE(rows.at(0).model, u"A"_s);
    const double expectedUpset = 1.0 / (1.0 + std::pow(10.0, (1016.0 - 984.0) / 400.0));
    QCOMPARE(rows.at(0).rating, 984.0 + 32.0 * (1.0 - expectedUpset));
    QCOMPARE(rows.at(0).rating + rows.at(1).rating, 2000.0); // Elo moves points, it does not make them
    QCOMPARE(rows.at(0).winRate(), 0.5);
}

void TestLeaderboard::countsWinRatesAndOrdering()
{
    QList<PairVote> votes;
    int minute = 0;
    for (int i = 0; i < 6; ++i)
        votes.append(vote(u"strong"_s, u"weak"_s, PairVote::Result::FirstWins, minute++));
    votes.append(vote(u"strong"_s, u"mid"_s, PairVote::Result::Tie, minute++));
    votes.append(vote(u"mid"_s, u"weak"_s, PairVote::Result::FirstWins, minute++));
    votes.append(vote(u"mid"_s, u"mid"_s, PairVote::Result::FirstWins, minute++)); // ignored
    const QList<LeaderboardRow> rows = leaderboardOf(votes);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).model, u"strong"_s);
    QCOMPARE(rows.at(2).model, u"weak"_s);
    QCOMPARE(rows.at(0).votes, 7);
    QCOMPARE(rows.at(0).wins, 6);
    QCOMPARE(rows.at(0).ties, 1);
    QCOMPARE(rows.at(0).winRate(), 6.5 / 7.0);
    QCOMPARE(rows.at(1).votes, 2); // the self-vote did not count
    QCOMPARE(rows.at(2).losses, 7);
    double total = 0;
    for (const LeaderboardRow& r : rows)
        total += r.rating;
    QVERIFY(qAbs(total - 3000.0) < 1e-9);
}

QTEST_GUILESS_MAIN(TestLeaderboard)
#include "TestLeaderboard.moc"
