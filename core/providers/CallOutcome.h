// SPDX-License-Identifier: GPL-3.0-or-later
// The result of one call: what was said (even if cut short), why it ended, what it used, how long it took.
#pragma once

#include "common/ProviderError.h"
#include "metrics/CallMetrics.h"
#include "streaming/StreamEvent.h"
#include "streaming/ToolCallAssembler.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace juxta {

struct CallOutcome
{
    QString requestedModel;
    QString servedModel;     // what the provider says answered; the requested model when it did not say
    QString text;
    QString reasoning;
    QList<ToolCall> toolCalls;
    FinishReason finishReason = FinishReason::Error;
    QString providerFinishReason;
    bool complete = false;   // false whenever `error` is set: the text is partial
    Usage usage;
    CallMetrics metrics;
    std::optional<ProviderError> error;
    int httpAttempts = 0;    // HTTP requests made (2 when a rejected optional field was dropped and re-sent)
};

} // namespace juxta

Q_DECLARE_METATYPE(juxta::CallOutcome)
