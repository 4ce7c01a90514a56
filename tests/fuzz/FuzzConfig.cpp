// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration file and a profile export being imported.
#include "FuzzInput.h"
#include "config/AppConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = juxta::fuzz::bytes(data, size);
    QString error;
    QStringList warnings;
    if (auto config = juxta::configFromJson(bytes, &error, &warnings))
        (void)juxta::configToJson(*config);
    (void)juxta::configVersionOf(bytes);
    (void)juxta::importProfiles(bytes, &error, &warnings);
    return 0;
}
