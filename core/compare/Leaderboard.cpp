// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/Leaderboard.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace juxta {

QList<LeaderboardRow> leaderboardOf(QList<PairVote> votes)
{
    std::stable_sort(votes.begin(), votes.end(), [](const PairVote& a, const PairVote& b) { return a.at < b.at; });
    QHash<QString, LeaderboardRow> rows;
    auto row = [&rows](const QString& model) -> LeaderboardRow& {
        auto it = rows.find(model);
        if (it == rows.end()) {
            LeaderboardRow fresh;
            fresh.model = model;
            fresh.rating = kInitialRating;
            it = rows.insert(model, fresh);
        }
        return it.value();
    };
    for (const PairVote& vote : std::as_const(votes)) {
        if (vote.first == vote.second || vote.first.isEmpty() || vote.second.isEmpty())
            continue;
        LeaderboardRow& a = row(vote.first);
        LeaderboardRow& b = row(vote.second);
        const double expectedA = 1.0 / (1.0 + std::pow(10.0, (b.rating - a.rating) / 400.0));
        const double scoreA = vote.result == PairVote::Result::FirstWins ? 1.0
                              : vote.result == PairVote::Result::SecondWins ? 0.0
                                                                            : 0.5;
        a.rating += kEloK * (scoreA - expectedA);
        b.rating += kEloK * ((1.0 - scoreA) - (1.0 - expectedA));
        ++a.votes;
        ++b.votes;
        if (scoreA == 1.0) {
            ++a.wins;
            ++b.losses;
        } else if (scoreA == 0.0) {
            ++a.losses;
            ++b.wins;
        } else {
            ++a.ties;
            ++b.ties;
        }
    }
    QList<LeaderboardRow> out = rows.values();
    std::sort(out.begin(), out.end(), [](const LeaderboardRow& x, const LeaderboardRow& y) {
        if (x.rating != y.rating)
            return x.rating > y.rating;
        if (x.votes != y.votes)
            return x.votes > y.votes;
        return x.model < y.model;
    });
    return out;
}

} // namespace juxta
