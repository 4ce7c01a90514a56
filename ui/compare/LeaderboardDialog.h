// SPDX-License-Identifier: GPL-3.0-or-later
// The personal leaderboard: every model the user voted on, with Elo rating, win rate and the counts behind them.
#pragma once

#include "compare/Leaderboard.h"

#include <QDialog>

class QTableWidget;

namespace juxta {

class LeaderboardDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LeaderboardDialog(const QList<LeaderboardRow>& rows, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace juxta
