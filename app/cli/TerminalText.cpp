// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TerminalText.h"

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace juxta::cli {

QString neutralizeForTerminal(const QString& text)
{
    const auto unsafe = [](char16_t c) {
        return (c < 0x20 && c != u'\t' && c != u'\n') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
               || (c >= 0x2066 && c <= 0x2069);
    };
    qsizetype first = 0;
    while (first < text.size() && !unsafe(text.at(first).unicode()))
        ++first;
    if (first == text.size())
        return text; // the common case: nothing to change, no copy
    QString out = text.left(first);
    out.reserve(text.size() + 16);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!unsafe(c)) {
            out.append(QChar(c));
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // CRLF line ends are ordinary line ends
        } else if (c < 0x20) {
            out.append(u'^');
            out.append(QChar(char16_t(c + 0x40))); // ESC → ^[, BEL → ^G, CR → ^M
        } else if (c == 0x7F) {
            out.append(u"^?"_s);
        } else {
            out.append(QChar(0xFFFD));
        }
    }
    return out;
}

bool isTerminal(FILE* stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

QString forStream(FILE* stream, const QString& text)
{
    return isTerminal(stream) ? neutralizeForTerminal(text) : text;
}

} // namespace juxta::cli
