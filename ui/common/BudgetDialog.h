// SPDX-License-Identifier: GPL-3.0-or-later
// What a page shows when the budget guard stops a send: a block is said and nothing goes; a warning offers
// "Send anyway". Not modal: the window stays usable while it is open.
#pragma once

#include <functional>

class QString;
class QWidget;

namespace juxta {

struct BudgetVerdict;

// `what` introduces the verdict's message ("All columns together"); `sendAnyway` runs on "Send anyway".
void showBudgetVerdict(QWidget* parent, const BudgetVerdict& verdict, const QString& what,
                       std::function<void()> sendAnyway);

} // namespace juxta
