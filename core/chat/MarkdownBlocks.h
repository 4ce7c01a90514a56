// SPDX-License-Identifier: GPL-3.0-or-later
// Splits Markdown into prose and fenced code blocks, so code can be shown (and copied) apart from the text.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace juxta {

struct MarkdownBlock
{
    enum class Kind { Prose, Code };
    Kind kind = Kind::Prose;
    QString text;     // code: without the fences and the fence's indentation, no trailing newline
    QString language; // code: the info string's first word
    bool closed = true; // code: false when the fence runs to the end (an answer still streaming)

    bool operator==(const MarkdownBlock&) const = default;
};

// CommonMark fences (``` or ~~~, 3+ long, indented at most 3 spaces). Prose keeps its text exactly, minus the
// newline before a fence; whitespace-only prose is dropped. Linear in the input size.
QList<MarkdownBlock> splitMarkdownBlocks(QStringView markdown);

// Follows fenced code line by line (CommonMark rules, as splitMarkdownBlocks): feed each complete line without its
// terminator; insideCode() tells whether the next line is code.
class FenceTracker
{
public:
    void feedLine(QStringView line);
    bool insideCode() const { return m_length > 0; }
    QString closingFence() const { return QString(m_length, m_char); } // empty outside code

private:
    QChar m_char;
    qsizetype m_length = 0;
};

// The fence that would close a code block still open at the end of `markdown` ("```", "~~~~"), or empty: an answer
// stopped mid-block is closed on export so what follows it stays outside the code.
QString unclosedFence(QStringView markdown);

// Where a long message may be cut into parts that render on their own: after a blank line outside fenced code,
// once the current part has at least `targetChars`. The transcript lays out only the visible parts of a long
// answer, and a streaming answer seals finished parts as Markdown while its tail grows. Incremental: feed() scans
// only what was appended since the last call.
class PartScanner
{
public:
    explicit PartScanner(qsizetype targetChars = 2000) : m_target(targetChars) {}
    // `text` is the whole message so far (it only ever grows). Returns the new part starts, ascending.
    QList<qsizetype> feed(QStringView text);

private:
    qsizetype m_target;
    qsizetype m_scanned = 0;   // start of the first line not yet scanned
    qsizetype m_partStart = 0;
    FenceTracker m_fences;
};

// All part starts after 0 of a finished text.
QList<qsizetype> partStarts(QStringView text, qsizetype targetChars = 2000);

} // namespace juxta
