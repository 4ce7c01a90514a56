// SPDX-License-Identifier: GPL-3.0-or-later
// The Anthropic stream decoder (and its whole-body reader) over any bytes in any split.
#include "StreamDecoderTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    juxta::fuzz::decodeStream(juxta::ApiDialect::Anthropic, data, size);
    return 0;
}
