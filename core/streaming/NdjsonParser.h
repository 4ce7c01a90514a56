// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental newline-delimited JSON framing (Ollama's /api/chat): one record per line, split anywhere.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace juxta {

class NdjsonParser
{
public:
    // Appends every complete, non-blank line (without its "\n" or "\r\n") to `out`.
    void feed(QByteArrayView bytes, QList<QByteArray>& out);

    // End of stream: returns the unterminated last line, if any (empty when the stream ended cleanly).
    QByteArray finish();

    static constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;
    bool hasOverflowed() const { return m_overflowed; } // a line grew past kMaxLineBytes; input is ignored

private:
    void emitLine(QByteArrayView line, QList<QByteArray>& out);

    QByteArray m_line;
    bool m_overflowed = false;
};

} // namespace juxta
