// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the error JSON shapes providers send (in HTTP error bodies and inside streams) into ErrorDetails.
// Internal to core: includes nlohmann through JsonAccess.h.
#pragma once

#include "common/JsonAccess.h"
#include "providers/ErrorClassifier.h"

#include <optional>

namespace juxta {

// The error a JSON value describes, if it is one: {"error":{…}} (OpenAI, Anthropic, Google, OpenRouter),
// {"error":"…"} (Ollama, llama.cpp), {"object":"error",…} (vLLM, Mistral), {"detail":…} (FastAPI servers),
// or a one-element array of those (Google). Google's RetryInfo "retryDelay" lands in `retryAfterSeconds`.
std::optional<ErrorDetails> errorDetails(const json::Json& value, std::optional<double>* retryAfterSeconds = nullptr);

// A non-2xx response classified: the JSON error when there is one, otherwise a readable description of the body
// (HTML from a proxy, plain text, nothing), plus retry-after from the headers (or the body, for Google).
ProviderError classifyErrorResponse(int status, const HttpHeaders& headers, QByteArrayView body, const QDateTime& now);

} // namespace juxta
