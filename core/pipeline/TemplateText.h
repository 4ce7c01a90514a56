// SPDX-License-Identifier: GPL-3.0-or-later
// Templates of pipeline steps: "{{summary}}" is an upstream node's output, "{{input}}" a variable, "{{item}}" the
// item a map is on. Only `{{ name }}` with a valid name is a reference; every other brace is text as written.
#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace juxta {

inline const QString kItemName = QStringLiteral("item");

// Every name a template refers to, each once, in order of first use.
QStringList templateReferences(const QString& text);
// The template with every reference to `from` pointing at `to` instead (spacing inside the braces kept).
QString renameReference(const QString& text, const QString& from, const QString& to);
// Fills in each reference with `lookup(name)`; names it does not know are left as written and listed in
// `missing` (when given).
QString renderTemplate(const QString& text, const std::function<std::optional<QString>(const QString&)>& lookup,
                       QStringList* missing = nullptr);

} // namespace juxta
