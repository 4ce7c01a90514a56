// SPDX-License-Identifier: GPL-3.0-or-later
// What a comparison asks: the columns (a model each, with optional overrides of the shared settings, so the same
// model can run twice with different settings), the shared prompt settings, and how often to repeat each run.
// Stored with the comparison as JSON, so it can be reopened and run again.
#pragma once

#include "answer/ChatSettings.h"

#include <QList>

namespace juxta {

struct CompareColumnSetup
{
    ChatSettings overrides; // `model` names the column's model; other set fields replace the shared ones
    bool hidden = false;

    bool operator==(const CompareColumnSetup&) const = default;
};

struct CompareSetup
{
    static constexpr int kMinColumns = 2;
    static constexpr int kMaxColumns = 8;

    QList<CompareColumnSetup> columns; // in display order
    ChatSettings shared;               // system prompt and parameters for every column (its `model` unused)
    int repeat = 1;                    // runs per column, for latency statistics
    bool concurrentRepeats = false;    // repeats at once rather than one after another
    bool blind = false;                // hide and shuffle the model names until the user votes

    bool operator==(const CompareSetup&) const = default;

    // The settings column `index` runs with: the shared ones, then the column's overrides.
    ChatSettings settingsFor(int index) const;
    // "openai/gpt-4o" or, when the same model appears twice or has overrides, "openai/gpt-4o · t 0.2, max 200".
    QString columnLabel(int index) const;

    QByteArray toJson() const;
    static CompareSetup fromJson(const QByteArray& json); // malformed parts are dropped
};

} // namespace juxta
