// SPDX-License-Identifier: GPL-3.0-or-later
// A secret with no way into logs: it can only be turned into an HTTP header value.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

class QDebug;

namespace juxta {

class ApiKey
{
public:
    ApiKey() = default;
    static ApiKey fromSecret(const QString& secret) { ApiKey k; k.m_secret = secret.trimmed().toUtf8(); return k; }

    bool isEmpty() const { return m_secret.isEmpty(); }
    // The only way the secret leaves this object: `prefix` + secret, e.g. headerValue("Bearer ").
    QByteArray headerValue(QByteArrayView prefix = {}) const { return prefix.toByteArray() + m_secret; }
    // `text` without this key (or a secret header's value), any 8-character piece of it, or anything else shaped
    // like a key.
    QString redact(const QString& text) const;

    // The profile's credential headers from the keychain (x-litellm-api-key, cf-aig-authorization, …): they travel
    // with the key and, like it, only ever into a request's headers.
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    ApiKey withHeaders(Headers headers) const { ApiKey k = *this; k.m_headers = std::move(headers); return k; }
    const Headers& secretHeaders() const { return m_headers; }

private:
    QByteArray m_secret;
    Headers m_headers;
};

QDebug operator<<(QDebug debug, const ApiKey& key); // prints ApiKey(***) or ApiKey(empty)

} // namespace juxta
