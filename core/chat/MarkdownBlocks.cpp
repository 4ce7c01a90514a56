// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/MarkdownBlocks.h"

#include <algorithm>
#include <optional>

namespace juxta {
namespace {

struct Fence
{
    QChar ch;
    qsizetype length = 0;
    qsizetype indent = 0;
    QString language;
};

qsizetype leadingSpaces(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[n] == u' ')
        ++n;
    return n;
}

qsizetype runLength(QStringView line, qsizetype from, QChar ch)
{
    qsizetype n = from;
    while (n < line.size() && line[n] == ch)
        ++n;
    return n - from;
}

bool isBlank(QStringView text)
{
    for (QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// `line` has no line terminator.
std::optional<Fence> openingFence(QStringView line)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size())
        return std::nullopt;
    const QChar ch = line[indent];
    if (ch != u'`' && ch != u'~')
        return std::nullopt;
    const qsizetype length = runLength(line, indent, ch);
    if (length < 3)
        return std::nullopt;
    const QStringView info = line.sliced(indent + length).trimmed();
    if (ch == u'`' && info.contains(u'`'))
        return std::nullopt; // would be an inline code span
    qsizetype wordEnd = 0;
    while (wordEnd < info.size() && !info[wordEnd].isSpace())
        ++wordEnd;
    return Fence{ch, length, indent, info.first(wordEnd).toString()};
}

bool closesFence(QStringView line, const Fence& fence)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3)
        return false;
    const qsizetype length = runLength(line, indent, fence.ch);
    if (length < fence.length)
        return false;
    return isBlank(line.sliced(indent + length));
}

} // namespace

QList<MarkdownBlock> splitMarkdownBlocks(QStringView markdown)
{
    QList<MarkdownBlock> blocks;
    const auto addProse = [&blocks](QStringView text) {
        if (!isBlank(text))
            blocks.append(MarkdownBlock{MarkdownBlock::Kind::Prose, text.toString(), {}, true});
    };

    // A flag and a value rather than std::optional<Fence>: GCC 12 warns (wrongly) about the optional's QString.
    bool inFence = false;
    Fence fence;
    MarkdownBlock code;
    bool firstCodeLine = true;
    qsizetype proseStart = 0;
    qsizetype pos = 0;
    const qsizetype size = markdown.size();

    while (pos < size) {
        const qsizetype newline = markdown.indexOf(u'\n', pos);
        const qsizetype lineEnd = newline < 0 ? size : newline;
        const qsizetype next = newline < 0 ? size : newline + 1;
        QStringView line = markdown.sliced(pos, lineEnd - pos);
        if (line.endsWith(u'\r'))
            line.chop(1);

        if (!inFence) {
            if (auto opened = openingFence(line)) {
                // The prose ends before the newline that separates it from the fence.
                QStringView prose = markdown.sliced(proseStart, pos - proseStart);
                if (prose.endsWith(u'\n'))
                    prose.chop(1);
                if (prose.endsWith(u'\r'))
                    prose.chop(1);
                addProse(prose);
                fence = std::move(*opened);
                inFence = true;
                code = MarkdownBlock{MarkdownBlock::Kind::Code, {}, fence.language, false};
                firstCodeLine = true;
            }
        } else if (closesFence(line, fence)) {
            code.closed = true;
            blocks.append(std::move(code));
            code = {};
            inFence = false;
            proseStart = next;
        } else {
            // Content lines lose up to the fence's indentation.
            const qsizetype strip = std::min(leadingSpaces(line), fence.indent);
            if (!firstCodeLine)
                code.text += u'\n';
            code.text += line.sliced(strip);
            firstCodeLine = false;
        }
        pos = next;
    }

    if (inFence)
        blocks.append(std::move(code)); // unclosed: runs to the end
    else if (proseStart < size)
        addProse(markdown.sliced(proseStart));
    return blocks;
}

void FenceTracker::feedLine(QStringView line)
{
    if (m_length == 0) {
        if (const std::optional<Fence> opened = openingFence(line)) {
            m_char = opened->ch;
            m_length = opened->length;
        }
    } else if (closesFence(line, Fence{m_char, m_length, 0, {}})) {
        m_length = 0;
    }
}

QString unclosedFence(QStringView markdown)
{
    FenceTracker fences;
    qsizetype pos = 0;
    while (pos < markdown.size()) {
        const qsizetype newline = markdown.indexOf(u'\n', pos);
        const qsizetype end = newline < 0 ? markdown.size() : newline;
        QStringView line = markdown.sliced(pos, end - pos);
        if (line.endsWith(u'\r'))
            line.chop(1);
        fences.feedLine(line);
        pos = end + 1;
    }
    return fences.closingFence();
}

QList<qsizetype> PartScanner::feed(QStringView text)
{
    QList<qsizetype> starts;
    while (m_scanned < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', m_scanned);
        if (newline < 0)
            break; // an unfinished line: scanned once it ends
        QStringView line = text.sliced(m_scanned, newline - m_scanned);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const qsizetype next = newline + 1;
        if (!m_fences.insideCode() && isBlank(line) && next - m_partStart >= m_target) {
            if (next == text.size())
                break; // nothing after it yet: decided when the next text arrives
            m_partStart = next;
            starts.append(next);
        }
        m_fences.feedLine(line);
        m_scanned = next;
    }
    return starts;
}

QList<qsizetype> partStarts(QStringView text, qsizetype targetChars)
{
    PartScanner scanner(targetChars);
    return scanner.feed(text);
}

} // namespace juxta
