// SPDX-License-Identifier: GPL-3.0-or-later
// Where and how to reach one provider. Holds a reference to a key (the profile id), never the key.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <optional>

namespace juxta {

enum class ApiDialect { OpenAi, Anthropic, Gemini, Ollama };

// How the key travels on OpenAI-compatible and Ollama servers: a bearer token, or a named header (Azure OpenAI's
// "api-key", Portkey's "x-portkey-api-key"). Native Anthropic and Gemini always use their own header.
enum class AuthStyle { Bearer, Header, None };

QString apiDialectName(ApiDialect dialect);
std::optional<ApiDialect> apiDialectFromName(const QString& name);

// How hard a batch may use one profile (unset: no limit). Set per profile in the config and the Providers dialog.
struct RequestLimits
{
    std::optional<int> maxConcurrent;        // requests at once
    std::optional<int> requestsPerMinute;    // started in any 60-second window
    std::optional<qint64> tokensPerMinute;   // estimated input + max output, corrected by the real usage

    bool isSet() const { return maxConcurrent || requestsPerMinute || tokensPerMinute; }
    bool operator==(const RequestLimits&) const = default;
};

// How big and how long one answer may grow before it is ended as `limit_reached` (kept, marked incomplete). Unset:
// the defaults of CallOptions. A server that sends keep-alive comments forever or reasons without end stops here.
struct AnswerLimits
{
    std::optional<qint64> maxBytes;   // text plus reasoning as held in memory (UTF-16: 16 MiB is 8 M characters)
    std::optional<qint64> maxSeconds; // from the send to the last byte

    bool isSet() const { return maxBytes || maxSeconds; }
    bool operator==(const AnswerLimits&) const = default;
};

struct ProviderProfile
{
    QString id;                 // stable id; also the keychain entry name
    QString displayName;
    ApiDialect dialect = ApiDialect::OpenAi;
    QUrl baseUrl;               // e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1
    QList<QPair<QByteArray, QByteArray>> extraHeaders; // non-secret headers (OpenRouter's HTTP-Referer, …)
    QList<QByteArray> secretHeaders; // names of headers whose values live in the keychain (x-litellm-api-key, …)
    QString presetId;           // the built-in preset it was made from ("openai", "ollama", "custom")
    AuthStyle auth = AuthStyle::Bearer;
    QByteArray authHeader;      // the header name when auth == Header
    QString keyEnvVar;          // environment variable that supplies the key headlessly (OPENAI_API_KEY)
    bool allowInsecureHttp = false; // the user confirmed plain http:// to a host that is not local or private
    RequestLimits limits;       // for batches
    AnswerLimits answerLimits;  // per answer; a call's own limits (CallOptions) win

    bool operator==(const ProviderProfile&) const = default;
};

// Timeouts for one call. Defaults suit remote providers; local servers loading a model may need more.
struct CallOptions
{
    int connectTimeoutMs = 30'000; // until the request has been sent on an open connection
    int idleTimeoutMs = 60'000;    // no bytes for this long after that ends the call as `timeout`
    AnswerLimits answerLimits;     // set for this call (e.g. --max-answer-size); else the profile's; else these:
    static constexpr qint64 kDefaultMaxAnswerBytes = 16 * 1024 * 1024;
    static constexpr qint64 kDefaultMaxAnswerSeconds = 30 * 60; // reasoning can legitimately take ten minutes

    qint64 maxAnswerBytes(const ProviderProfile& profile) const;
    qint64 maxAnswerSeconds(const ProviderProfile& profile) const;
};

// Joins a base URL and an endpoint path ("chat/completions") without doubling or losing slashes.
QUrl joinUrl(const QUrl& base, QStringView path);

} // namespace juxta
