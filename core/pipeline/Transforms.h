// SPDX-License-Identifier: GPL-3.0-or-later
// What a Transform node does to text, as pure functions: extract with a regular expression, take a value out of
// JSON by JSON Pointer, check JSON against a schema, split into items, join items. Errors are sentences people
// can act on ("the text is not JSON", "no value at /items/3").
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/StepValue.h"

#include <optional>

namespace juxta {

struct TransformResult
{
    std::optional<StepValue> value; // nullopt: `error` says why
    QString error;
};

// First: the first match (or its `group`, by name or number), as text; All: every match (or group) as a list.
TransformResult regexExtract(const QString& text, const QString& pattern, RegexMode mode, const QString& group);
// A value by RFC 6901 pointer ("" is the whole document); strings as they are, anything else as compact JSON. A
// model's JSON in a ```json fence, or with words around it, is found.
TransformResult jsonPointerExtract(const QString& text, const QString& pointer);
// The JSON as it is when it parses (and fits `schema`, when one is given).
TransformResult jsonValidate(const QString& text, const QByteArray& schema);
// The JSON inside a model's answer: the whole text, else a ```json fence, else the outermost {…} or […].
std::optional<QByteArray> jsonIn(const QString& text);
// Pieces: at every `separator`; at blank lines; or about `size` estimated tokens each (the ~4-characters estimate
// used for prices), broken at a space where one is near, each starting with the last `overlap` tokens of the one
// before. Blank pieces are dropped, each piece trimmed (except token pieces, which stay as cut).
QStringList splitText(const QString& text, SplitBy by, const QString& separator, int size, int overlap);

} // namespace juxta
