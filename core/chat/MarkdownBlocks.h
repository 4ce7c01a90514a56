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

} // namespace juxta
