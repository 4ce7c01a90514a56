// SPDX-License-Identifier: GPL-3.0-or-later
// The offline provider's scripted answers file (JSON or JSONL), then planning each answer it accepted.
#include "FuzzInput.h"
#include "offline/ScriptedAnswers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const auto answers = juxta::parseScriptedAnswers(juxta::fuzz::bytes(data, size), juxta::OfflinePace{}, &error);
    if (!answers)
        return 0;
    juxta::OfflineRequest request;
    request.model = QStringLiteral("demo");
    request.prompt = QStringLiteral("hello");
    for (qsizetype i = 0; i < qMin<qsizetype>(answers->answers.size(), 8); ++i)
        (void)juxta::scriptedAnswerPlan(answers->answers.at(i), request);
    (void)answers->pick(request.model, request.prompt, 3);
    return 0;
}
