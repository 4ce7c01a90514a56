// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Plurals.h"

#include <QCoreApplication>

#include <cstring>

namespace juxta {

QString withEnglishPlurals(QString text, int n)
{
    if (n < 0)
        return text;
    return text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

QString translated(const char* context, const char* text, int n)
{
    return withEnglishPlurals(QCoreApplication::translate(context, text, nullptr, n), n);
}

QString EnglishPlurals::translate(const char*, const char* sourceText, const char*, int n) const
{
    if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
        return {}; // not ours: Qt shows the source text
    return withEnglishPlurals(QString::fromUtf8(sourceText), n);
}

} // namespace juxta
