// SPDX-License-Identifier: GPL-3.0-or-later
// A QNetworkReply's transport failure as a classified ProviderError, in words a person pointing Juxta at a server
// can act on.
#pragma once

#include "common/ProviderError.h"

#include <QNetworkReply>

namespace juxta {

// Qt's messages are terse ("Connection closed"); say what it means for the server at `url`.
QString explainTransportError(QNetworkReply::NetworkError code, const QUrl& url, const QString& qtMessage);

// Timeout, malformed HTTP framing, or a network failure; `midStream` says the answer had begun.
ProviderError transportError(QNetworkReply::NetworkError code, const QString& qtMessage, bool midStream);

} // namespace juxta
