// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown part scanner as a streaming answer grows, checked against the whole-text scan, plus the block splitter.
#include "FuzzInput.h"
#include "chat/MarkdownBlocks.h"
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = juxta::fuzz::split(data, size);
    const qsizetype target = 16 + (input.selector >> 1) * 8;
    juxta::PartScanner scanner(target);
    QString text;
    QList<qsizetype> starts;
    for (QByteArrayView chunk : input.chunks) {
        text += QString::fromUtf8(chunk);
        const auto added = scanner.feed(text);
        for (qsizetype start : added) {
            if (start <= 0 || start > text.size() || (!starts.isEmpty() && start <= starts.last()))
                std::abort();
            starts.append(start);
        }
    }
    (void)juxta::partStarts(text, target);
    (void)juxta::splitMarkdownBlocks(text);
    (void)juxta::unclosedFence(text);
    return 0;
}
