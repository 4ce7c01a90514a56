// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation file being imported: the lossless JSON format, or Markdown (the selector picks).
#include "FuzzInput.h"
#include "chat/MarkdownImport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = juxta::fuzz::split(data, size);
    const QByteArray payload = input.payload.toByteArray();
    if (input.selector & 1)
        (void)juxta::importConversationMarkdown(QString::fromUtf8(payload));
    else
        (void)juxta::importConversationJson(payload);
    return 0;
}
