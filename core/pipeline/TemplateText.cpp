// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/TemplateText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QRegularExpression& referencePattern()
{
    static const QRegularExpression pattern(u"\\{\\{(\\s*)([a-z][a-z0-9_]{0,63})(\\s*)\\}\\}"_s);
    return pattern;
}

} // namespace

QStringList templateReferences(const QString& text)
{
    QStringList names;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(2);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString renameReference(const QString& text, const QString& from, const QString& to)
{
    QString out;
    qsizetype last = 0;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(2) != from)
            continue;
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += u"{{"_s + m.captured(1) + to + m.captured(3) + u"}}"_s;
        last = m.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

QString renderTemplate(const QString& text, const std::function<std::optional<QString>(const QString&)>& lookup,
                       QStringList* missing)
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const std::optional<QString> value = lookup(m.captured(2));
        if (!value) {
            if (missing && !missing->contains(m.captured(2)))
                missing->append(m.captured(2));
            continue; // left as written
        }
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += *value;
        last = m.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

} // namespace juxta
