// SPDX-License-Identifier: GPL-3.0-or-later
// What flows along a pipeline's edges: a text, or a list of texts (split pieces, a map's answers).
#pragma once

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
};

} // namespace juxta
