// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in "echo" provider: answers an OpenAI-style chat request with the last user message (or a
// transformation of it, chosen by the model: "echo", "echo-reverse", "echo-upper", "echo-word-count"), streamed as
// OpenAI does (SSE chunks, usage, [DONE]) at a set pace: juxta-offline://echo/v1?ttft_ms=300&tokens_per_second=40
// &jitter=0.2. Costs nothing; reaches no network.
#pragma once

#include "offline/OfflineAnswerPlan.h"

namespace juxta {

// The models the echo provider answers as.
QStringList echoModels();
// What the echo provider answers to `prompt` as `model`.
QString echoText(const QString& model, const QString& prompt);

OfflinePlan echoPlan(const QNetworkRequest& request, const QByteArray& body);

} // namespace juxta
