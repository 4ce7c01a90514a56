// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/RetryAfter.h"

#include <QLocale>
#include <QString>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

std::optional<double> parseNonNegativeNumber(QByteArrayView value)
{
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0)
        return std::nullopt;
    return number;
}

std::optional<QDateTime> parseHttpDate(QByteArrayView value)
{
    const QString text = QString::fromLatin1(value.trimmed());
    // RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is what servers send; RFC 2822 parsing covers it.
    QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid()) {
        // Obsolete RFC 850 and asctime forms, which HTTP still requires recipients to accept.
        const QLocale c = QLocale::c();
        for (const auto& format : {u"dddd, dd-MMM-yy HH:mm:ss 'GMT'"_s, u"ddd MMM d HH:mm:ss yyyy"_s}) {
            date = c.toDateTime(text.simplified(), format);
            if (date.isValid()) {
                date.setTimeSpec(Qt::UTC);
                if (date.date().year() < 1970)
                    date = date.addYears(100);
                break;
            }
        }
    }
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace

std::optional<double> parseRetryAfterValue(QByteArrayView value, const QDateTime& now)
{
    if (value.trimmed().isEmpty())
        return std::nullopt;
    if (auto seconds = parseNonNegativeNumber(value))
        return seconds;
    if (auto date = parseHttpDate(value))
        return std::max(0.0, double(now.msecsTo(*date)) / 1000.0);
    return std::nullopt;
}

std::optional<double> retryAfterSeconds(const HttpHeaders& headers, const QDateTime& now)
{
    // retry-after-ms (OpenAI, Azure) is more precise than retry-after when both are present.
    if (auto ms = parseNonNegativeNumber(headerValue(headers, "retry-after-ms")))
        return *ms / 1000.0;
    return parseRetryAfterValue(headerValue(headers, "retry-after"), now);
}

} // namespace juxta
