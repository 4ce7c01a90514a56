// SPDX-License-Identifier: GPL-3.0-or-later
// How the built-in offline providers answer: an OpenAI-style chat completion (SSE chunks with usage and [DONE], or
// one JSON body) played at a set pace, optionally cut or stalled after some tokens. Echo and scripted answers differ
// only in their text; both come out byte for byte as an OpenAI-compatible server writes them.
#pragma once

#include "offline/OfflineReply.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QStringList>

#include <optional>

namespace juxta {

// What one streamed token is, and so what usage counts: a word (with the spaces after it) or a mark, one
// character, or about four characters (the usual size of a BPE token in English prose).
enum class OfflineTokenUnit { Word, Character, Estimate };

struct OfflinePace
{
    int ttftMs = 250;
    double tokensPerSecond = 40;
    double jitter = 0; // 0…1: each gap varies by up to this fraction (reproducibly, seeded by the request)
    OfflineTokenUnit unit = OfflineTokenUnit::Word;

    // Query items ttft_ms, tokens_per_second, jitter and token_unit (word, char, estimate); unset or out-of-range
    // values keep these ones.
    OfflinePace overriddenBy(const QUrl& url) const;
    // The same names as JSON members (a scripted answer's own speed).
    OfflinePace overriddenBy(const QJsonObject& json) const;
    static OfflinePace fromUrl(const QUrl& url) { return OfflinePace().overriddenBy(url); }
};

struct OfflineAnswer
{
    QString model;
    QString text;
    QString reasoning;                // streamed first as reasoning_content, as DeepSeek does
    QString finishReason = QStringLiteral("stop");
    OfflinePace pace;
    int cutAfterTokens = -1;          // ≥ 0: the connection drops after this many tokens
    int stallAfterTokens = -1;        // ≥ 0: no byte after this many tokens, until the caller gives up
    QByteArray providerName;          // the x-juxta-offline header: "echo", "scripted"
};

// "word", "char", "estimate".
std::optional<OfflineTokenUnit> offlineTokenUnitNamed(const QString& name);

// The answer cut into tokens the way it streams (by default a word with the spaces after it, or one mark).
QStringList offlineTokens(const QString& text, OfflineTokenUnit unit = OfflineTokenUnit::Word);

// What an OpenAI-style request asks: the last user message's text, and every message's text (for usage).
struct OfflineRequest
{
    QJsonObject json;
    QString model;
    QString prompt;
    QStringList messageTexts;
    bool stream = false;
    bool includeUsage = false;
    quint32 seed = 0; // from the request's bytes: the same request paces the same way every time

    static OfflineRequest parse(const QByteArray& body);
};

OfflinePlan offlineAnswerPlan(const OfflineAnswer& answer, const OfflineRequest& request);

// An OpenAI-style error reply: {"error": {"message", "type", "code"}} with the status.
OfflinePlan offlinePlanError(int status, const QByteArray& reason, const QString& message,
                             const QString& type = QStringLiteral("invalid_request_error"), const QString& code = {});

// GET …/models as OpenAI answers it.
OfflinePlan offlineModelList(const QStringList& modelIds);

} // namespace juxta
