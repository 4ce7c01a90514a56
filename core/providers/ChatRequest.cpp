// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ChatRequest.h"

using namespace Qt::StringLiterals;

namespace juxta {

QString jsonInstruction(const ChatRequest& request)
{
    if (request.responseFormat == ChatRequest::ResponseFormat::Text)
        return {};
    QString text = u"Answer with one JSON object and nothing else: no prose, no code fence."_s;
    if (request.responseFormat == ChatRequest::ResponseFormat::JsonSchema && !request.responseSchema.isEmpty())
        text += u" It must match this JSON Schema:\n"_s + QString::fromUtf8(request.responseSchema);
    return text;
}

} // namespace juxta
