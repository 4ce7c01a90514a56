// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/TransportErrors.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace juxta {

QString explainTransportError(QNetworkReply::NetworkError code, const QUrl& url, const QString& qtMessage)
{
    const QString where = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return u"Connection refused by %1: is the server running and is the base URL right?"_s.arg(where);
    case QNetworkReply::HostNotFoundError:
        return u"Host not found: %1"_s.arg(url.host());
    case QNetworkReply::RemoteHostClosedError:
        return u"%1 closed the connection without sending an HTTP response (is the base URL an HTTP API?)"_s.arg(
            where);
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake with %1 failed: %2"_s.arg(where, qtMessage);
    default:
        return qtMessage;
    }
}

ProviderError transportError(QNetworkReply::NetworkError code, const QString& qtMessage, bool midStream)
{
    ProviderError e;
    switch (code) {
    case QNetworkReply::TimeoutError:
        e.errorClass = ErrorClass::Timeout;
        break;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        e.errorClass = ErrorClass::Malformed; // e.g. broken HTTP framing or chunked encoding
        break;
    default:
        e.errorClass = ErrorClass::Network;
        break;
    }
    e.message = midStream ? u"The connection was lost in the middle of the answer: "_s + qtMessage : qtMessage;
    return e;
}

} // namespace juxta
