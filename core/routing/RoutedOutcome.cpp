// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutedOutcome.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace juxta {

QString describeAttemptFailure(const AttemptRecord& a)
{
    if (a.filtered)
        return u"%1 was content-filtered"_s.arg(a.target);
    static const QHash<ErrorClass, QString> verbs{
        {ErrorClass::RateLimited, u"was rate-limited"_s}, {ErrorClass::Overloaded, u"was overloaded"_s},
        {ErrorClass::Timeout, u"timed out"_s},           {ErrorClass::Network, u"had a network failure"_s},
        {ErrorClass::Server, u"had a server error"_s},   {ErrorClass::Auth, u"rejected the key"_s},
        {ErrorClass::Quota, u"was out of quota"_s},      {ErrorClass::ContextLength, u"was out of context"_s},
        {ErrorClass::ContentFilter, u"refused the content"_s}, {ErrorClass::NotFound, u"did not know the model"_s},
        {ErrorClass::Malformed, u"sent a malformed answer"_s},  {ErrorClass::BadRequest, u"rejected the request"_s},
        {ErrorClass::Cancelled, u"was cancelled"_s},     {ErrorClass::LimitReached, u"reached a limit"_s}};
    QString text = a.target + u' ' + (a.errorClass ? verbs.value(*a.errorClass, u"failed"_s) : u"failed"_s);
    if (a.httpStatus > 0 && a.httpStatus != 200)
        text += u" (HTTP %1)"_s.arg(a.httpStatus);
    if (!a.partialText.isEmpty())
        text += u" after %1 characters of output"_s.arg(a.partialText.size());
    return text;
}

QString RoutedOutcome::summary() const
{
    QStringList failures;
    QString lastTarget;
    for (const AttemptRecord& a : attempts) {
        if (!a.errorClass && !a.filtered)
            continue;
        if (a.target == lastTarget)
            continue; // retries of one target read as one failure
        failures.append(describeAttemptFailure(a));
        lastTarget = a.target;
    }
    if (servedBy >= 0)
        return failures.isEmpty() ? u"served by %1"_s.arg(servedByLabel)
                                  : u"served by %1 after %2"_s.arg(servedByLabel, failures.join(u", "_s));
    return failures.isEmpty() ? u"nothing was tried"_s : u"no target answered: "_s + failures.join(u", "_s);
}

} // namespace juxta
