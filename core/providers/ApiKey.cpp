// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ApiKey.h"

#include "common/SecretRedaction.h"

#include <QDebug>

namespace juxta {

QString ApiKey::redact(const QString& text) const
{
    QList<QString> secrets;
    if (!m_secret.isEmpty())
        secrets.append(QString::fromUtf8(m_secret));
    for (const auto& header : m_headers) {
        // "Bearer abc…": the token is what must go, whatever the scheme in front of it
        const QByteArray value = header.second.trimmed();
        const qsizetype space = value.indexOf(' ');
        secrets.append(QString::fromUtf8(space > 0 && space < 12 ? value.sliced(space + 1) : value));
    }
    return redactSecrets(text, secrets);
}

QDebug operator<<(QDebug debug, const ApiKey& key)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << (key.isEmpty() ? "ApiKey(empty)" : "ApiKey(***)");
    return debug;
}

} // namespace juxta
