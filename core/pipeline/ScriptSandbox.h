// SPDX-License-Identifier: GPL-3.0-or-later
// JavaScript in pipelines (Transform and Condition nodes), in Qt's own QJSEngine: one engine per thread that runs
// scripts (made the first time, reused after, its built-ins frozen so no script changes them for the next),
// nothing installed into it — no console, no timers, no file or network access, no modules — and a watchdog that
// interrupts a script past its time limit (or when the run is cancelled) with a clear error. A script's memory is
// not bounded by QJSEngine: a script that builds a huge string can still use a lot of it.
//
// A script is an expression ("text.toUpperCase()") or, if it does not parse as one, a function body
// ("const n = text.length; return n > 100;"). It sees `text` (the input as text), `items` (the input's items, or
// [text]) and `vars` (the run's variables). A string result is text, an array a list, anything else JSON text.
#pragma once

#include "pipeline/StepValue.h"

#include <QHash>
#include <atomic>
#include <optional>

namespace juxta {

struct ScriptOutcome
{
    std::optional<StepValue> value; // nullopt: `error` says why
    bool truthy = false;            // the result as a condition
    QString error;
    bool timedOut = false;
};

// Runs on the calling thread (a worker: it blocks while the script runs). Safe on any number of threads at once.
// `cancelled`, when given and set while it runs, interrupts it too.
ScriptOutcome runScript(const QString& script, const StepValue& input, const QHash<QString, QString>& variables,
                        int timeoutMs, const std::atomic<bool>* cancelled = nullptr);
// Empty when the script compiles; else the error with its line. Nothing in the script runs.
QString scriptSyntaxError(const QString& script);

} // namespace juxta
