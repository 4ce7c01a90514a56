// SPDX-License-Identifier: GPL-3.0-or-later
// What a chain of targets produced: the final outcome, every attempt on the way, and who served it.
#pragma once

#include "providers/CallOutcome.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace juxta {

struct AttemptRecord
{
    int targetIndex = -1;
    QString target;                        // Target::label()
    int retry = 0;                         // 0 for the first try on this target
    std::optional<ErrorClass> errorClass;  // nullopt: this attempt served the answer
    int httpStatus = 0;
    double elapsedMs = 0;
    QString message;                       // the error's message, for people
    QString partialText;                   // text received before a failure after output began (never dropped)
    bool filtered = false;                 // a content_filter finish treated as a failure (fallback enabled)
};

// "openai/gpt-4o was rate-limited (HTTP 429)".
QString describeAttemptFailure(const AttemptRecord& attempt);

struct RoutedOutcome
{
    CallOutcome outcome;          // the serving attempt's, or the last failed attempt's
    QList<AttemptRecord> attempts;
    int servedBy = -1;            // target index, -1 when nothing served
    QString servedByLabel;

    // "served by B after A was rate-limited (HTTP 429)" or "all 3 targets failed".
    QString summary() const;
};

} // namespace juxta

Q_DECLARE_METATYPE(juxta::RoutedOutcome)
