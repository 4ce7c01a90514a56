// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ProviderError.h"

using namespace Qt::StringLiterals;

namespace juxta {

QString ProviderError::summary() const
{
    QString line = errorClassName(errorClass);
    if (httpStatus > 0)
        line += u" (HTTP "_s + QString::number(httpStatus) + u')';
    if (!message.isEmpty())
        line += u": "_s + message;
    if (retryAfterSeconds)
        line += u" [retry after "_s + QString::number(*retryAfterSeconds, 'g', 4) + u" s]"_s;
    return line;
}

} // namespace juxta
