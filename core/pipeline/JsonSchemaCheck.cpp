// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/JsonSchemaCheck.h"

#include "common/JsonNesting.h"

#include <nlohmann/json.hpp>

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using Json = nlohmann::json;

constexpr int kMaxDepth = kMaxJsonNesting; // schemas and answers deeper are refused, not recursed into

bool hasType(const Json& value, const std::string& type)
{
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "integer") {
        if (value.is_number_integer())
            return true;
        const double d = value.is_number_float() ? value.get<double>() : 0.5;
        return std::isfinite(d) && std::trunc(d) == d; // 3.0 is an integer; 1e300 too, without a cast that overflows
    }
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "null")
        return value.is_null();
    return true; // a type this check does not know: not held against the answer
}

QString check(const Json& value, const Json& schema, const QString& where, int depth)
{
    if (depth > kMaxDepth)
        return where + u": nested too deeply"_s;
    if (!schema.is_object())
        return {};
    if (const auto type = schema.find("type"); type != schema.end()) {
        bool fits = false;
        QStringList names;
        const auto consider = [&](const Json& t) {
            if (t.is_string()) {
                names.append(QString::fromStdString(t.get<std::string>()));
                fits = fits || hasType(value, t.get<std::string>());
            }
        };
        if (type->is_array()) {
            for (const Json& t : *type)
                consider(t);
        } else {
            consider(*type);
        }
        if (!names.isEmpty() && !fits)
            return u"%1: expected %2"_s.arg(where, names.join(u" or "_s));
    }
    if (const auto options = schema.find("enum"); options != schema.end() && options->is_array()) {
        if (std::find(options->begin(), options->end(), value) == options->end())
            return u"%1: not one of the allowed values"_s.arg(where);
    }
    if (value.is_string()) {
        const qsizetype length = QString::fromStdString(value.get<std::string>()).size();
        if (const auto min = schema.find("minLength"); min != schema.end() && min->is_number() && length < min->get<double>())
            return u"%1: shorter than %2 characters"_s.arg(where).arg(min->get<double>());
        if (const auto max = schema.find("maxLength"); max != schema.end() && max->is_number() && length > max->get<double>())
            return u"%1: longer than %2 characters"_s.arg(where).arg(max->get<double>());
    }
    if (value.is_number()) {
        const double number = value.get<double>();
        if (const auto min = schema.find("minimum"); min != schema.end() && min->is_number() && number < min->get<double>())
            return u"%1: less than %2"_s.arg(where).arg(min->get<double>());
        if (const auto max = schema.find("maximum"); max != schema.end() && max->is_number() && number > max->get<double>())
            return u"%1: more than %2"_s.arg(where).arg(max->get<double>());
    }
    if (value.is_object()) {
        const auto properties = schema.find("properties");
        if (const auto required = schema.find("required"); required != schema.end() && required->is_array()) {
            for (const Json& name : *required) {
                if (name.is_string() && !value.contains(name.get<std::string>()))
                    return u"%1: \"%2\" is missing"_s.arg(where, QString::fromStdString(name.get<std::string>()));
            }
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString at = where + u'.' + QString::fromStdString(it.key());
            if (properties != schema.end() && properties->is_object() && properties->contains(it.key())) {
                const QString problem = check(it.value(), (*properties)[it.key()], at, depth + 1);
                if (!problem.isEmpty())
                    return problem;
            } else if (const auto extra = schema.find("additionalProperties");
                       extra != schema.end() && extra->is_boolean() && !extra->get<bool>()) {
                return u"%1: not allowed here"_s.arg(at);
            }
        }
    }
    if (value.is_array()) {
        const double size = double(value.size());
        if (const auto min = schema.find("minItems"); min != schema.end() && min->is_number() && size < min->get<double>())
            return u"%1: fewer than %2 items"_s.arg(where).arg(min->get<double>());
        if (const auto max = schema.find("maxItems"); max != schema.end() && max->is_number() && size > max->get<double>())
            return u"%1: more than %2 items"_s.arg(where).arg(max->get<double>());
        if (const auto items = schema.find("items"); items != schema.end() && items->is_object()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const QString problem = check(value[i], *items, u"%1[%2]"_s.arg(where).arg(i), depth + 1);
                if (!problem.isEmpty())
                    return problem;
            }
        }
    }
    return {};
}

} // namespace

QString checkSchema(const QByteArray& schema)
{
    if (jsonNesting(schema, kMaxDepth) > kMaxDepth)
        return u"the schema nests too deeply"_s;
    const Json parsed = Json::parse(schema.constBegin(), schema.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return u"the schema is not a JSON object"_s;
    return {};
}

QString checkJsonAgainstSchema(const QByteArray& json, const QByteArray& schema)
{
    if (jsonNesting(json, kMaxDepth) > kMaxDepth)
        return u"the JSON nests too deeply"_s;
    const Json value = Json::parse(json.constBegin(), json.constEnd(), nullptr, false);
    if (value.is_discarded())
        return u"not valid JSON"_s;
    if (schema.isEmpty())
        return {};
    if (const QString problem = checkSchema(schema); !problem.isEmpty())
        return problem;
    return check(value, Json::parse(schema.constBegin(), schema.constEnd(), nullptr, false), u"$"_s, 0);
}

} // namespace juxta
