// SPDX-License-Identifier: GPL-3.0-or-later
// One pairwise vote as the history keeps it ("A's answer was better than B's", or a tie), naming the models so it
// outlives the answers. Here, beside the stores, so storage and the leaderboard both use it without a cycle.
#pragma once

#include <QDateTime>
#include <QString>

namespace juxta {

struct PairVote
{
    enum class Result { FirstWins, SecondWins, Tie };
    QString first;  // "profile/model"
    QString second;
    Result result = Result::Tie;
    QDateTime at;   // votes count in time order
};

} // namespace juxta
