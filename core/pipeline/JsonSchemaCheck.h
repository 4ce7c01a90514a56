// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a model's JSON answer fits the schema it was asked for, with the first place it does not. The common
// part of JSON Schema that structured outputs use: type (or a list of types), properties, required,
// additionalProperties: false, items, enum, minItems/maxItems, minLength/maxLength, minimum/maximum.
#pragma once

#include <QByteArray>
#include <QString>

namespace juxta {

// Empty when `json` is valid JSON that fits `schema`; else why not ("$.tags[2]: expected a string").
QString checkJsonAgainstSchema(const QByteArray& json, const QByteArray& schema);
// Empty when `schema` is a JSON object this check understands the shape of; else what is wrong.
QString checkSchema(const QByteArray& schema);

} // namespace juxta
