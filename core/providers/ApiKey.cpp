// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ApiKey.h"

#include "common/SecretRedaction.h"

#include <QDebug>

namespace juxta {

QString ApiKey::redact(const QString& text) const
{
    return redactSecrets(text, m_secret.isEmpty() ? QList<QString>() : QList<QString>{QString::fromUtf8(m_secret)});
}

QDebug operator<<(QDebug debug, const ApiKey& key)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << (key.isEmpty() ? "ApiKey(empty)" : "ApiKey(***)");
    return debug;
}

} // namespace juxta
