// SPDX-License-Identifier: GPL-3.0-or-later
// Every provider's HTTP error reader: the selector picks the dialect and the status, the rest is the body.
#include "FuzzInput.h"
#include "providers/Provider.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr int kStatuses[] = {400, 401, 402, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 529, 200};
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    const auto input = juxta::fuzz::split(data, size);
    const auto dialect = static_cast<juxta::ApiDialect>(input.selector % 4);
    const int status = kStatuses[(input.selector >> 2) % std::size(kStatuses)];
    juxta::HttpHeaders headers;
    (void)juxta::providerFor(dialect)->classifyHttpError(status, headers, input.payload, now);
    return 0;
}
