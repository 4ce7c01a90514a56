// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/HttpHeaders.h"

namespace juxta {

QByteArray headerValue(const HttpHeaders& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

} // namespace juxta
