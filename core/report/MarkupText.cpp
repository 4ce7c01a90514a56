// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/MarkupText.h"

namespace juxta {
namespace {

// The replacement for a character XML 1.0 cannot hold, or a null QChar when it can.
QChar visible(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
        return QChar(char16_t(0x2400 + u)); // ␀ … ␟
    if (u == 0x7f)
        return QChar(char16_t(0x2421)); // ␡
    if (u == 0xfffe || u == 0xffff)
        return QChar(char16_t(0xfffd));
    return QChar();
}

template <typename Escape>
QString mapped(QStringView text, Escape escape)
{
    QString out;
    out.reserve(text.size() + text.size() / 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
            continue;
        }
        if (c.isSurrogate()) {
            out += QChar(char16_t(0xfffd)); // unpaired
            continue;
        }
        if (const QChar v = visible(c); !v.isNull()) {
            out += v;
            continue;
        }
        if (!escape(out, c))
            out += c;
    }
    return out;
}

} // namespace

QString xmlText(const QString& text)
{
    return mapped(text, [](QString& out, QChar c) {
        switch (c.unicode()) {
        case u'&': out += QLatin1StringView("&amp;"); return true;
        case u'<': out += QLatin1StringView("&lt;"); return true;
        case u'>': out += QLatin1StringView("&gt;"); return true;
        case u'"': out += QLatin1StringView("&quot;"); return true;
        case u'\'': out += QLatin1StringView("&#39;"); return true;
        case u'\r': out += QLatin1StringView("&#13;"); return true; // kept through XML's line-end normalising
        default: return false;
        }
    });
}

QString visibleControls(const QString& text)
{
    return mapped(text, [](QString&, QChar) { return false; });
}

} // namespace juxta
