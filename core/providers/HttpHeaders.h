// SPDX-License-Identifier: GPL-3.0-or-later
// Response headers as received, with a case-insensitive lookup.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace juxta {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Value of the first header named `name` (ASCII case-insensitive), or a null QByteArray.
QByteArray headerValue(const HttpHeaders& headers, QByteArrayView name);

} // namespace juxta
