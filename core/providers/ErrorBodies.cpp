// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

// google.rpc.RetryInfo: {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}
std::optional<double> googleRetryDelay(const Json& error)
{
    const Json* details = json::member(error, "details");
    if (!details || !details->is_array())
        return std::nullopt;
    for (const Json& detail : *details) {
        if (!json::stringOr(detail, "@type").endsWith(u"google.rpc.RetryInfo"_s))
            continue;
        QString delay = json::stringOr(detail, "retryDelay");
        if (!delay.endsWith(u's'))
            continue;
        delay.chop(1);
        bool ok = false;
        const double seconds = delay.toDouble(&ok);
        if (ok && seconds >= 0)
            return seconds;
    }
    return std::nullopt;
}

// Pydantic/FastAPI validation errors ([{"loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}])
// and Mistral's {"detail": [...]} inside "message" become "body.stream_options: Extra inputs are not permitted".
QString readableMessage(const Json& start)
{
    // Follows "detail" / "message" nesting in a loop with a bound: a hostile body nested thousands deep neither
    // recurses nor spins (json::parse already refuses such text; values built otherwise are not trusted either).
    const Json* at = &start;
    for (int hops = 0; at->is_object() && hops < 32; ++hops) {
        const Json* next = json::member(*at, "detail");
        if (!next)
            next = json::member(*at, "message");
        if (!next)
            return json::toQString(*at);
        at = next;
    }
    const Json& value = *at;
    if (value.is_string() || value.is_object())
        return json::toQString(value);
    if (value.is_array()) {
        QStringList parts;
        for (const Json& item : value) {
            if (!item.is_object()) {
                parts.append(json::toQString(item));
                continue;
            }
            QStringList loc;
            if (const Json* path = json::member(item, "loc"); path && path->is_array()) {
                for (const Json& step : *path)
                    loc.append(json::toQString(step));
            }
            const QString msg = json::stringOr(item, "msg", json::toQString(item));
            parts.append(loc.isEmpty() ? msg : loc.join(u'.') + u": "_s + msg);
            if (parts.size() >= 5)
                break;
        }
        return parts.join(u"; "_s);
    }
    return value.is_null() ? QString() : json::toQString(value);
}

} // namespace

std::optional<ErrorDetails> errorDetails(const Json& value, std::optional<double>* retryAfterSeconds)
{
    const Json* root = &value;
    if (root->is_array() && !root->empty())
        root = &(*root)[0];
    if (!root->is_object())
        return std::nullopt;

    ErrorDetails d;
    auto takeCode = [&d](const Json& obj) {
        if (const Json* code = json::member(obj, "code"); code && !code->is_null())
            d.code = json::toQString(*code);
    };
    if (const Json* error = json::member(*root, "error"); error && !error->is_null()) {
        if (error->is_string()) {
            d.message = json::toQString(*error);
            d.type = json::stringOr(*root, "type");
            takeCode(*root);
            return d;
        }
        if (!error->is_object())
            return std::nullopt;
        if (const Json* message = json::member(*error, "message"))
            d.message = readableMessage(*message);
        d.type = json::stringOr(*error, "type");
        if (d.type.isEmpty())
            d.type = json::stringOr(*error, "status"); // Google: "RESOURCE_EXHAUSTED"
        takeCode(*error);
        if (retryAfterSeconds)
            *retryAfterSeconds = googleRetryDelay(*error);
        // google.rpc.ErrorInfo's reason ("API_KEY_INVALID") is more precise than the status.
        if (const Json* details = json::member(*error, "details"); details && details->is_array()) {
            for (const Json& detail : *details) {
                if (const QString reason = json::stringOr(detail, "reason"); !reason.isEmpty())
                    d.type += u' ' + reason;
            }
        }
        // OpenRouter puts the upstream provider's words in metadata.raw.
        if (const Json* metadata = json::member(*error, "metadata")) {
            if (auto raw = json::string(*metadata, "raw"); raw && !raw->isEmpty() && !d.message.contains(*raw))
                d.message += u" — "_s + raw->left(500);
        }
        return d;
    }
    // A bare {"message": "…"} (gateways, Mistral) is an error; Ollama's chat records also carry a "message"
    // object, so only a string message on a record without answer fields counts.
    const Json* bareMessage = json::member(*root, "message");
    const bool isAnswer = json::member(*root, "choices") || json::member(*root, "done") || json::member(*root, "model");
    if (json::stringOr(*root, "object") == u"error"_s || (bareMessage && bareMessage->is_string() && !isAnswer)) {
        if (const Json* message = json::member(*root, "message"))
            d.message = readableMessage(*message);
        d.type = json::stringOr(*root, "type");
        takeCode(*root);
        return d;
    }
    if (const Json* detail = json::member(*root, "detail")) {
        d.message = readableMessage(*detail);
        return d;
    }
    return std::nullopt;
}

ProviderError classifyErrorResponse(int status, const HttpHeaders& headers, QByteArrayView body, const QDateTime& now)
{
    const QByteArray contentType = headerValue(headers, "content-type");
    std::optional<ErrorDetails> details;
    std::optional<double> bodyRetryAfter;
    if (!ErrorClassifier::looksLikeHtml(body, contentType)) {
        const Json parsed = json::parse(body);
        if (!parsed.is_discarded())
            details = errorDetails(parsed, &bodyRetryAfter);
    }
    ProviderError error;
    if (details) {
        details->httpStatus = status;
        error = ErrorClassifier::classify(*details);
    } else {
        error = ErrorClassifier::fromUnparsedBody(status, body, contentType);
    }
    ErrorClassifier::applyRetryAfter(error, headers, now);
    if (!error.retryAfterSeconds)
        error.retryAfterSeconds = bodyRetryAfter;
    // Google words its free-tier per-minute limits as "exceeded your current quota" but says when to retry:
    // a 429 that names a wait is a rate limit, unless the code says the quota itself is gone.
    if (error.errorClass == ErrorClass::Quota && status == 429 && error.retryAfterSeconds
        && error.providerCode != u"insufficient_quota"_s)
        error.errorClass = ErrorClass::RateLimited;
    return error;
}

} // namespace juxta
