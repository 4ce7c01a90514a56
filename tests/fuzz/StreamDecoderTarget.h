// SPDX-License-Identifier: GPL-3.0-or-later
// One provider's stream decoder and whole-body reader over fuzzer bytes. Every stream ends in exactly one terminal
// event (finish or error) once finished; anything else is a bug the fuzzer reports by aborting.
#pragma once
#include "FuzzInput.h"
#include "providers/Provider.h"
#include <cstdlib>

namespace juxta::fuzz {

inline void decodeStream(ApiDialect dialect, const std::uint8_t* data, std::size_t size)
{
    const auto input = split(data, size);
    const Provider* provider = providerFor(dialect);
    auto decoder = provider->createDecoder();
    QList<StreamEvent> events;
    for (QByteArrayView chunk : input.chunks)
        decoder->feed(chunk, events);
    decoder->finish(events);
    (void)decoder->servedModel();
    if (input.selector & 2) {
        QList<StreamEvent> whole;
        provider->decodeWholeBody(input.payload, whole);
    }
}

} // namespace juxta::fuzz
