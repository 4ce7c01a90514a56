// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/LeaderboardDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace juxta {

LeaderboardDialog::LeaderboardDialog(const QList<LeaderboardRow>& rows, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(rows.size()), 7, this))
{
    m_table->setAccessibleName(tr("Leaderboard"));
    setWindowTitle(tr("Your leaderboard"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Elo"), tr("Win rate"), tr("Votes"), tr("Wins"),
                                        tr("Losses"), tr("Ties")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    const QLocale locale;
    for (int r = 0; r < rows.size(); ++r) {
        const LeaderboardRow& row = rows.at(r);
        const auto number = [](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        m_table->setItem(r, 0, new QTableWidgetItem(row.model));
        m_table->setItem(r, 1, number(locale.toString(row.rating, 'f', 0)));
        m_table->setItem(r, 2, number(locale.toString(row.winRate() * 100, 'f', 0) + QLatin1Char('%')));
        m_table->setItem(r, 3, number(locale.toString(row.votes)));
        m_table->setItem(r, 4, number(locale.toString(row.wins)));
        m_table->setItem(r, 5, number(locale.toString(row.losses)));
        m_table->setItem(r, 6, number(locale.toString(row.ties)));
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* note = new QLabel(rows.isEmpty()
                                ? tr("No votes yet. Choose “★ Best” in a comparison to vote; blind mode keeps it fair.")
                                : tr("From your votes in comparisons: the best answer wins against every other answer "
                                     "of that run. Few votes mean an unsettled rating."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace juxta
