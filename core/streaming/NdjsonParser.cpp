// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/NdjsonParser.h"

#include <cstring>

namespace juxta {
namespace {

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

} // namespace

void NdjsonParser::feed(QByteArrayView bytes, QList<QByteArray>& out)
{
    if (m_overflowed)
        return;
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    while (p != end) {
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            m_line.append(p, end - p);
            if (m_line.size() > kMaxLineBytes) {
                m_overflowed = true;
                m_line = QByteArray();
            }
            return;
        }
        if (m_line.isEmpty()) {
            emitLine(QByteArrayView(p, nl - p), out);
        } else {
            m_line.append(p, nl - p);
            emitLine(m_line, out);
            m_line.clear();
        }
        p = nl + 1;
    }
}

void NdjsonParser::emitLine(QByteArrayView line, QList<QByteArray>& out)
{
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    if (!isBlank(line))
        out.append(line.toByteArray());
}

QByteArray NdjsonParser::finish()
{
    QByteArray tail = std::exchange(m_line, QByteArray());
    if (isBlank(tail))
        return {};
    if (tail.endsWith('\r'))
        tail.chop(1);
    return tail;
}

} // namespace juxta
