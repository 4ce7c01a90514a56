// SPDX-License-Identifier: GPL-3.0-or-later
// Maps HTTP statuses, provider error codes and messages to an ErrorClass. One place, shared by all providers.
#pragma once

#include "common/ProviderError.h"
#include "providers/HttpHeaders.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace juxta {

// What a provider said about a failure, before classification.
struct ErrorDetails
{
    int httpStatus = 0;   // 0 for mid-stream errors without one
    QString code;         // "context_length_exceeded", "insufficient_quota", numeric codes as text
    QString type;         // "invalid_request_error", "overloaded_error", "RESOURCE_EXHAUSTED"
    QString message;
};

namespace ErrorClassifier {

// The class an HTTP status implies when the body says nothing more specific.
ErrorClass fromStatus(int status);

// Status, then codes/types, then well-known message phrases (context length, content policy, quota).
ProviderError classify(const ErrorDetails& details);

// A body that is not the expected JSON: an HTML page from a proxy, plain text, nothing. Produces a readable
// message ("HTTP 502 from a proxy: <title>") and the class the status implies.
ProviderError fromUnparsedBody(int status, QByteArrayView body, QByteArrayView contentType);

// True when the body looks like an HTML document rather than an API response.
bool looksLikeHtml(QByteArrayView body, QByteArrayView contentType);

// Fills retryAfterSeconds from the response headers.
void applyRetryAfter(ProviderError& error, const HttpHeaders& headers, const QDateTime& now);

} // namespace ErrorClassifier
} // namespace juxta
