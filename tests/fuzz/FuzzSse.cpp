// SPDX-License-Identifier: GPL-3.0-or-later
// SSE framing: any bytes in any split. Events stay within the size limit.
#include "FuzzInput.h"
#include "streaming/SseParser.h"
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = juxta::fuzz::split(data, size);
    juxta::SseParser parser;
    QList<juxta::SseEvent> events;
    for (QByteArrayView chunk : input.chunks) {
        parser.feed(chunk, events);
        for (const auto& event : std::as_const(events))
            if (event.data.size() > juxta::SseParser::kMaxEventBytes)
                std::abort();
        events.clear();
    }
    QList<juxta::SseEvent> salvaged;
    parser.finish(&salvaged);
    return 0;
}
