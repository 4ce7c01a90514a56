// SPDX-License-Identifier: GPL-3.0-or-later
// How the history stores values: times as milliseconds since the epoch (UTC), optional values as SQL NULL.
// Shared by every store that writes to the history database.
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QVariant>
#include <functional>
#include <optional>

namespace juxta::sql {

inline qint64 toMs(const QDateTime& time)
{
    return (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
}

inline QDateTime fromMs(const QVariant& value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// SQL NULL for an empty text. (A null QString would bind as NULL too, so exec() turns those into '' for NOT
// NULL columns.)
inline QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

template <typename T>
QVariant nullable(const std::optional<T>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

template <typename T>
std::optional<T> optionalFrom(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<T>(value.value<T>());
}

// Prepares and runs one statement with positional values; on failure `error` says why.
bool exec(QSqlDatabase db, const QString& sql, const QVariantList& values, QString& error);

// Runs `steps` in one transaction: committed when they return true, rolled back otherwise (or when the commit
// fails). `error` is set when the transaction itself cannot start or commit; steps set it for their own failures.
bool inTransaction(QSqlDatabase db, const std::function<bool()>& steps, QString& error);

} // namespace juxta::sql
