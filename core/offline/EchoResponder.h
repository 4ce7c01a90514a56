// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in "echo" provider: answers an OpenAI-style chat request with the last user message (or a
// transformation of it, chosen by the model: "echo", "echo-reverse", "echo-upper", "echo-word-count"), streamed as
// OpenAI does (SSE chunks, usage, [DONE]) at a set pace: juxta-offline://echo/v1?ttft_ms=300&tokens_per_second=40
// &jitter=0.2. Costs nothing; reaches no network.
#pragma once

#include "offline/OfflineReply.h"

#include <QNetworkRequest>

namespace juxta {

struct EchoPace
{
    int ttftMs = 250;
    double tokensPerSecond = 40;
    double jitter = 0; // 0…1: each gap varies by up to this fraction (reproducibly, seeded by the request)
    static EchoPace fromUrl(const QUrl& url); // unset or invalid values keep the defaults
};

// What the echo provider answers to `prompt` as `model`.
QString echoText(const QString& model, const QString& prompt);
// The answer cut into tokens the way it streams: a word with the spaces after it, or one mark.
QStringList echoTokens(const QString& text);

OfflinePlan echoPlan(const QNetworkRequest& request, const QByteArray& body);

} // namespace juxta
