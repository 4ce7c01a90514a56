// SPDX-License-Identifier: GPL-3.0-or-later
// Every provider's model-list page reader and its next-page link.
#include "FuzzInput.h"
#include "providers/Provider.h"
#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = juxta::fuzz::split(data, size);
    const auto* provider = juxta::providerFor(static_cast<juxta::ApiDialect>(input.selector % 4));
    (void)provider->parseModelList(input.payload);
    (void)provider->nextModelListPage(QUrl(QStringLiteral("http://127.0.0.1:1/v1/models")), input.payload);
    return 0;
}
