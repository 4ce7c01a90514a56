// SPDX-License-Identifier: GPL-3.0-or-later
// What flows along a pipeline's edges: a text, or a list of texts (split pieces, a map's answers).
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace juxta {

struct StepValue
{
    bool isList = false;
    QString text;
    QStringList items;

    static StepValue ofText(QString text) { return {false, std::move(text), {}}; }
    static StepValue ofList(QStringList items) { return {true, {}, std::move(items)}; }
    // A list as text, for a template or a report: its items one after another, a blank line apart.
    QString asText() const { return isList ? items.join(QStringLiteral("\n\n")) : text; }

    bool operator==(const StepValue&) const = default;

    // A text as a JSON string, a list as an array of strings: in run records and the cache.
    QJsonValue toJson() const { return isList ? QJsonValue(QJsonArray::fromStringList(items)) : QJsonValue(text); }
    static StepValue fromJson(const QJsonValue& json)
    {
        if (!json.isArray())
            return ofText(json.toString());
        QStringList list;
        for (const QJsonValue& item : json.toArray())
            list.append(item.toString());
        return ofList(list);
    }
};

} // namespace juxta
