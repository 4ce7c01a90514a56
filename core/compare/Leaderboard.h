// SPDX-License-Identifier: GPL-3.0-or-later
// A personal leaderboard from pairwise votes ("A's answer was better than B's", or a tie): win rate and an Elo
// rating per model, with the number of votes behind each, so a rating from three votes is not read as settled.
#pragma once

#include "storage/PairVote.h"

#include <QList>
#include <QString>

namespace juxta {

struct LeaderboardRow
{
    QString model;
    double rating = 0;   // Elo, starting at kInitialRating
    int votes = 0;
    int wins = 0;
    int losses = 0;
    int ties = 0;
    double winRate() const { return votes > 0 ? (wins + 0.5 * ties) / votes : 0; } // a tie counts half
};

constexpr double kInitialRating = 1000;
constexpr double kEloK = 32;

// Rows best first (rating, then votes, then name). A vote of a model against itself is ignored.
QList<LeaderboardRow> leaderboardOf(QList<PairVote> votes);

} // namespace juxta
