// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/BudgetDialog.h"

#include "pricing/BudgetGuard.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMessageBox>

namespace juxta {

void showBudgetVerdict(QWidget* parent, const BudgetVerdict& verdict, const QString& what,
                       std::function<void()> sendAnyway)
{
    auto* box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("budgetVerdict"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QCoreApplication::translate("juxta::BudgetDialog", "Budget"));
    box->setText(what.isEmpty() ? verdict.message : QStringLiteral("%1: %2").arg(what, verdict.message));
    if (verdict.kind == BudgetVerdict::Kind::Block) {
        box->setIcon(QMessageBox::Critical);
        box->setStandardButtons(QMessageBox::Ok);
    } else {
        box->setIcon(QMessageBox::Warning);
        box->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
        QAbstractButton* anyway = box->button(QMessageBox::Ok);
        anyway->setText(QCoreApplication::translate("juxta::BudgetDialog", "Send anyway"));
        // The clicked button, not accepted(): a message box finishes with its button's code, not Accepted.
        QObject::connect(box, &QMessageBox::buttonClicked, box,
                         [anyway, go = std::move(sendAnyway)](QAbstractButton* clicked) {
                             if (clicked == anyway && go)
                                 go();
                         });
    }
    box->open();
}

} // namespace juxta
