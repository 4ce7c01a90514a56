// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ErrorClassifier.h"

#include "providers/RetryAfter.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

bool containsAny(const QString& haystack, std::initializer_list<QStringView> needles)
{
    for (QStringView needle : needles) {
        if (haystack.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool mentionsContextLength(const QString& text)
{
    return containsAny(text, {u"context_length", u"context length", u"context window", u"maximum context",
                              u"prompt is too long", u"too many tokens", u"reduce the length", u"input is too long",
                              u"exceeds the maximum number of tokens", u"input token count", u"token limit",
                              u"context size", u"exceed_context_size",
                              u"string_above_max_length", u"request too large for model"});
}

bool mentionsContentFilter(const QString& text)
{
    return containsAny(text, {u"content_filter", u"content filter", u"content_policy", u"content policy",
                              u"content management policy", u"responsibleaipolicyviolation", u"safety system",
                              u"flagged", u"moderation"});
}

bool mentionsBadKey(const QString& text)
{
    // Google answers a wrong key with 400 INVALID_ARGUMENT; the words are the only sign.
    return containsAny(text, {u"api key not valid", u"api_key_invalid", u"invalid api key", u"incorrect api key",
                              u"invalid x-api-key", u"api key expired"});
}

bool mentionsQuota(const QString& text)
{
    // Not a bare "billing": OpenAI's free-tier rate-limit messages link to the billing page.
    return containsAny(text, {u"insufficient_quota", u"exceeded your current quota", u"credit balance",
                              u"insufficient balance", u"insufficient_balance", u"payment required",
                              u"out of credits", u"insufficient credits"});
}

QString firstLine(QString text, qsizetype maxChars = 300)
{
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.first(maxChars) + u'…';
    return text;
}

} // namespace

namespace ErrorClassifier {

ErrorClass fromStatus(int status)
{
    switch (status) {
    case 400:
    case 405:
    case 409:
    case 415:
    case 422:
        return ErrorClass::BadRequest;
    case 401:
    case 403:
        return ErrorClass::Auth;
    case 402:
        return ErrorClass::Quota;
    case 404:
        return ErrorClass::NotFound;
    case 408:
    case 504:
    case 524: // Cloudflare: origin timed out
        return ErrorClass::Timeout;
    case 413:
        return ErrorClass::ContextLength;
    case 429:
        return ErrorClass::RateLimited;
    case 503:
    case 529: // Anthropic: overloaded
        return ErrorClass::Overloaded;
    default:
        break;
    }
    if (status >= 500)
        return ErrorClass::Server;
    if (status >= 400)
        return ErrorClass::BadRequest;
    return ErrorClass::Server;
}

ProviderError classify(const ErrorDetails& d)
{
    ProviderError error;
    error.httpStatus = d.httpStatus;
    error.message = firstLine(d.message, 2000);
    error.providerCode = !d.code.isEmpty() ? d.code : d.type;

    // A numeric code in the body (OpenRouter, Gemini) stands in for a missing HTTP status mid-stream.
    int status = d.httpStatus;
    bool numeric = false;
    if (const int codeAsStatus = d.code.toInt(&numeric); numeric && codeAsStatus >= 400 && codeAsStatus < 600
                                                          && status < 400)
        status = codeAsStatus;

    error.httpStatus = status;
    error.errorClass = status >= 400 ? fromStatus(status) : ErrorClass::Server;
    const QString codeAndType = d.code + u' ' + d.type;

    // Specific codes and types beat the status: providers reuse 400/403/429 for several meanings.
    if (containsAny(codeAndType, {u"insufficient_quota", u"billing", u"quota_exceeded", u"insufficient_balance",
                                  u"budget_exceeded"}))
        error.errorClass = ErrorClass::Quota;
    else if (containsAny(codeAndType, {u"context_length", u"string_above_max_length", u"request_too_large",
                                       u"exceed_context_size"}))
        error.errorClass = ErrorClass::ContextLength;
    else if (containsAny(codeAndType, {u"content_filter", u"content_policy", u"moderation", u"safety"}))
        error.errorClass = ErrorClass::ContentFilter;
    else if (containsAny(codeAndType, {u"rate_limit", u"too_many_requests", u"tokens_exceeded"}))
        error.errorClass = ErrorClass::RateLimited;
    else if (containsAny(codeAndType, {u"overloaded", u"unavailable", u"capacity"}))
        error.errorClass = ErrorClass::Overloaded;
    else if (containsAny(codeAndType, {u"authentication", u"permission", u"invalid_api_key", u"unauthenticated",
                                       u"permission_denied", u"invalid_authentication", u"api_key_invalid"}))
        error.errorClass = ErrorClass::Auth;
    else if (containsAny(codeAndType, {u"model_not_found", u"not_found"}))
        error.errorClass = ErrorClass::NotFound;
    else if (containsAny(codeAndType, {u"timeout", u"deadline_exceeded"}))
        error.errorClass = ErrorClass::Timeout;
    else if (containsAny(codeAndType, {u"server_error", u"api_error", u"internal"}) && status < 400)
        error.errorClass = ErrorClass::Server;
    else if (d.type == u"invalid_request_error"_s && status < 400)
        error.errorClass = ErrorClass::BadRequest;

    // Messages carry the meaning when codes are generic ("invalid_request_error" for a too-long prompt).
    // An explicit rate-limit code is never overridden by wording.
    const bool explicitRateLimit = containsAny(codeAndType, {u"rate_limit", u"too_many_requests"});
    if (error.errorClass == ErrorClass::BadRequest || error.errorClass == ErrorClass::Server
        || error.errorClass == ErrorClass::RateLimited || error.errorClass == ErrorClass::Auth) {
        if (mentionsBadKey(d.message) && error.errorClass == ErrorClass::BadRequest)
            error.errorClass = ErrorClass::Auth;
        else if (mentionsContextLength(d.message) && error.errorClass != ErrorClass::RateLimited)
            error.errorClass = ErrorClass::ContextLength;
        else if (mentionsContentFilter(d.message)
                 && (error.errorClass == ErrorClass::BadRequest || status == 403)) // OpenRouter moderation: 403
            error.errorClass = ErrorClass::ContentFilter;
        else if (mentionsQuota(d.message) && error.errorClass != ErrorClass::Server && !explicitRateLimit)
            error.errorClass = ErrorClass::Quota;
    }
    if (error.message.isEmpty())
        error.message = status > 0 ? u"HTTP %1 with no error message"_s.arg(status) : u"Provider reported an error"_s;
    return error;
}

bool looksLikeHtml(QByteArrayView body, QByteArrayView contentType)
{
    if (contentType.contains("text/html"))
        return true;
    const QByteArray head = body.first(std::min<qsizetype>(body.size(), 512)).trimmed().toByteArray().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
}

ProviderError fromUnparsedBody(int status, QByteArrayView body, QByteArrayView contentType)
{
    ProviderError error;
    error.httpStatus = status;
    error.errorClass = status >= 400 ? fromStatus(status) : ErrorClass::Malformed;
    const QString statusText = status > 0 ? u"HTTP %1"_s.arg(status) : u"The server"_s;
    if (looksLikeHtml(body, contentType)) {
        static const QRegularExpression titleRx(u"<title[^>]*>(.*?)</title>"_s,
                                                QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
        const QString html = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 64 * 1024)));
        const QString title = firstLine(titleRx.match(html).captured(1), 200);
        error.message = u"%1: the server (or a proxy in front of it) returned an HTML page instead of an API "
                        u"response"_s.arg(statusText);
        if (!title.isEmpty())
            error.message += u": "_s + title;
    } else if (body.trimmed().isEmpty()) {
        error.message = u"%1 with an empty body"_s.arg(statusText);
    } else {
        error.message = u"%1: %2"_s.arg(statusText, firstLine(QString::fromUtf8(body.first(
                                                                  std::min<qsizetype>(body.size(), 4096)))));
    }
    return error;
}

void applyRetryAfter(ProviderError& error, const HttpHeaders& headers, const QDateTime& now)
{
    if (auto seconds = retryAfterSeconds(headers, now))
        error.retryAfterSeconds = seconds;
}

} // namespace ErrorClassifier
} // namespace juxta
