// SPDX-License-Identifier: GPL-3.0-or-later
// NDJSON framing (Ollama's /api/chat): any bytes in any split; no line past the limit.
#include "FuzzInput.h"
#include "streaming/NdjsonParser.h"
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = juxta::fuzz::split(data, size);
    juxta::NdjsonParser parser;
    QList<QByteArray> lines;
    for (QByteArrayView chunk : input.chunks) {
        parser.feed(chunk, lines);
        for (const auto& line : std::as_const(lines))
            if (line.size() > juxta::NdjsonParser::kMaxLineBytes)
                std::abort();
        lines.clear();
    }
    parser.finish();
    return 0;
}
