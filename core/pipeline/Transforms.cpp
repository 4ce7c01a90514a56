// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Transforms.h"

#include "common/JsonNesting.h"
#include "pipeline/JsonSchemaCheck.h"
#include "pricing/CostCalculator.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using Json = nlohmann::json;

TransformResult failure(const QString& why)
{
    return {std::nullopt, why};
}

QString capturedOf(const QRegularExpressionMatch& m, const QString& group, bool& known)
{
    known = true;
    if (group.isEmpty())
        return m.captured(0);
    bool isNumber = false;
    const int number = group.toInt(&isNumber);
    if (isNumber) {
        known = number <= m.regularExpression().captureCount();
        return m.captured(number);
    }
    known = m.regularExpression().namedCaptureGroups().contains(group);
    return m.captured(group);
}

Json parsed(const QByteArray& bytes)
{
    if (jsonNesting(bytes, kMaxJsonNesting) > kMaxJsonNesting)
        return Json(Json::value_t::discarded);
    return Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
}

} // namespace

TransformResult regexExtract(const QString& text, const QString& pattern, RegexMode mode, const QString& group)
{
    const QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid())
        return failure(u"the pattern is not a valid regular expression: %1"_s.arg(re.errorString()));
    bool known = true;
    if (mode == RegexMode::First) {
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch())
            return failure(u"the pattern does not match the text"_s);
        const QString value = capturedOf(m, group, known);
        if (!known)
            return failure(u"the pattern has no group “%1”"_s.arg(group));
        return {StepValue::ofText(value), {}};
    }
    QStringList all;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        all.append(capturedOf(m, group, known));
        if (!known)
            return failure(u"the pattern has no group “%1”"_s.arg(group));
    }
    return {StepValue::ofList(all), {}};
}

std::optional<QByteArray> jsonIn(const QString& text)
{
    const QByteArray whole = text.trimmed().toUtf8();
    if (!parsed(whole).is_discarded())
        return whole;
    static const QRegularExpression fence(u"```(?:json|JSON)?\\s*\\n(.*?)\\n\\s*```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = fence.match(text); m.hasMatch()) {
        const QByteArray inside = m.captured(1).trimmed().toUtf8();
        if (!parsed(inside).is_discarded())
            return inside;
    }
    for (const auto& [open, close] : {std::pair{u'{', u'}'}, std::pair{u'[', u']'}}) {
        const qsizetype first = text.indexOf(open);
        const qsizetype last = text.lastIndexOf(close);
        if (first >= 0 && last > first) {
            const QByteArray span = text.mid(first, last - first + 1).toUtf8();
            if (!parsed(span).is_discarded())
                return span;
        }
    }
    return std::nullopt;
}

TransformResult jsonPointerExtract(const QString& text, const QString& pointer)
{
    const std::optional<QByteArray> json = jsonIn(text);
    if (!json)
        return failure(u"the text is not JSON"_s);
    if (!pointer.isEmpty() && !pointer.startsWith(u'/'))
        return failure(u"“%1” is not a JSON Pointer (it starts with /, e.g. /items/0/name)"_s.arg(pointer));
    const Json root = parsed(*json);
    const Json* at = &root;
    if (!pointer.isEmpty()) {
        for (QString token : pointer.mid(1).split(u'/')) {
            token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            const std::string key = token.toStdString();
            if (at->is_object() && at->contains(key)) {
                at = &(*at)[key];
                continue;
            }
            bool isIndex = false;
            const qulonglong index = token.toULongLong(&isIndex);
            if (at->is_array() && isIndex && !token.startsWith(u'+') && index < at->size()) {
                at = &(*at)[std::size_t(index)];
                continue;
            }
            return failure(u"no value at %1 in the JSON"_s.arg(pointer));
        }
    }
    if (at->is_string())
        return {StepValue::ofText(QString::fromStdString(at->get<std::string>())), {}};
    return {StepValue::ofText(QString::fromStdString(at->dump(-1, ' ', false, Json::error_handler_t::replace))), {}};
}

TransformResult jsonValidate(const QString& text, const QByteArray& schema)
{
    const std::optional<QByteArray> json = jsonIn(text);
    if (!json)
        return failure(u"the text is not JSON"_s);
    if (const QString problem = checkJsonAgainstSchema(*json, schema); !problem.isEmpty())
        return failure(u"the JSON does not fit the schema: %1"_s.arg(problem));
    return {StepValue::ofText(QString::fromUtf8(*json)), {}};
}

QStringList splitText(const QString& text, SplitBy by, const QString& separator, int size, int overlap)
{
    QStringList pieces;
    const auto keep = [&pieces](QStringView piece) {
        const QString trimmed = piece.trimmed().toString();
        if (!trimmed.isEmpty())
            pieces.append(trimmed);
    };
    if (by == SplitBy::Separator) {
        for (const QString& piece : text.split(separator.isEmpty() ? u"\n"_s : separator))
            keep(piece);
        return pieces;
    }
    if (by == SplitBy::Paragraphs) {
        static const QRegularExpression blankLine(u"\\n[ \\t]*\\n"_s);
        for (const QString& piece : text.split(blankLine))
            keep(piece);
        return pieces;
    }
    // By tokens: walk the text weighing each character as the price estimate does.
    const double target = std::max(1, size);
    const double carried = std::clamp(double(overlap), 0.0, target / 2);
    const QList<uint> codes = text.toUcs4();
    QList<qsizetype> offsets; // UTF-16 offset of each code point, and the end
    offsets.reserve(codes.size() + 1);
    qsizetype offset = 0;
    for (const uint c : codes) {
        offsets.append(offset);
        offset += c > 0xFFFF ? 2 : 1;
    }
    offsets.append(offset);
    qsizetype start = 0;
    while (start < codes.size()) {
        double weight = 0;
        qsizetype end = start;
        while (end < codes.size() && weight + tokenWeight(char32_t(codes.at(end))) <= target)
            weight += tokenWeight(char32_t(codes.at(end++)));
        end = std::max(end, start + 1);
        if (end < codes.size()) { // break at a space in the last fifth of the piece, if there is one
            for (qsizetype i = end; i > start + (end - start) * 4 / 5; --i) {
                if (QChar::isSpace(char32_t(codes.at(i - 1)))) {
                    end = i;
                    break;
                }
            }
        }
        const QString piece = text.mid(offsets.at(start), offsets.at(end) - offsets.at(start));
        if (!piece.trimmed().isEmpty())
            pieces.append(piece);
        if (end >= codes.size())
            break;
        qsizetype next = end; // the next piece starts `overlap` tokens back
        double back = 0;
        while (next > start + 1 && back + tokenWeight(char32_t(codes.at(next - 1))) <= carried)
            back += tokenWeight(char32_t(codes.at(--next)));
        start = next;
    }
    return pieces;
}

} // namespace juxta
