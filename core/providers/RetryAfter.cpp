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
    // RFC 9110: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is what servers send; the obsolete RFC 850 and
    // asctime forms must still be accepted. Qt's RFC 2822 parser rejects the "GMT" zone name, so parse by hand.
    // The weekday is redundant and dropped: Qt rejects a weekday that disagrees with its guess of a 2-digit year.
    QDateTime date;
    {
        const QLocale c = QLocale::c();
        const QString simplified = text.simplified();
        const QString noWeekday = simplified.section(u' ', 1);
        for (const auto& format : {u"dd MMM yyyy HH:mm:ss 'GMT'"_s, u"dd-MMM-yy HH:mm:ss 'GMT'"_s,
                                   u"MMM d HH:mm:ss yyyy"_s}) {
            date = c.toDateTime(noWeekday, format);
            if (date.isValid()) {
                date.setTimeSpec(Qt::UTC);
                if (date.date().year() < 1970)
                    date = date.addYears(100);
                break;
            }
        }
    }
    if (!date.isValid())
        date = QDateTime::fromString(text, Qt::RFC2822Date); // numeric zones: "… 07:28:00 +0000"
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
