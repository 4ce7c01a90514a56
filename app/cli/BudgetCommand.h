// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta budget`: show today's spending against the limits, or set the per-request / per-day limits and whether
// going over them warns or blocks.
#pragma once

#include <QStringList>

namespace juxta::cli {

class BudgetCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
