// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF) for bytes from the network.
#pragma once

#include <QByteArrayView>

namespace juxta {

// Returns the offset of the first invalid byte, or -1 when `bytes` is entirely valid UTF-8.
qsizetype firstInvalidUtf8Offset(QByteArrayView bytes);

} // namespace juxta
