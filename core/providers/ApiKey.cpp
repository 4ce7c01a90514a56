// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ApiKey.h"

#include <QDebug>

namespace juxta {

QDebug operator<<(QDebug debug, const ApiKey& key)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << (key.isEmpty() ? "ApiKey(empty)" : "ApiKey(***)");
    return debug;
}

} // namespace juxta
