// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace juxta {

namespace sql {

bool exec(QSqlDatabase db, const QString& statement, const QVariantList& values, QString& error)
{
    QSqlQuery query(db);
    if (!query.prepare(statement)) {
        error = query.lastError().text();
        return false;
    }
    for (const QVariant& value : values) {
        const bool emptyText = value.metaType().id() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(emptyText ? QVariant(u""_s) : value);
    }
    if (!query.exec()) {
        error = query.lastError().text();
        return false;
    }
    return true;
}

bool inTransaction(QSqlDatabase db, const std::function<bool()>& steps, QString& error)
{
    if (!db.transaction()) {
        error = db.lastError().text();
        return false;
    }
    if (steps() && db.commit())
        return true;
    if (error.isEmpty())
        error = db.lastError().text();
    db.rollback();
    return false;
}

} // namespace sql

} // namespace juxta
