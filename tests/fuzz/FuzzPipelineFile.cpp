// SPDX-License-Identifier: GPL-3.0-or-later
// A shared .juxta pipeline file being opened; what loads must save and load again to the same bytes.
#include "FuzzInput.h"
#include "pipeline/PipelineFile.h"
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const auto pipeline = juxta::readPipeline(juxta::fuzz::bytes(data, size), error);
    if (!pipeline)
        return 0;
    const QByteArray saved = juxta::writePipeline(*pipeline);
    const auto again = juxta::readPipeline(saved, error);
    if (!again || juxta::writePipeline(*again) != saved)
        std::abort();
    return 0;
}
