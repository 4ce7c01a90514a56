// SPDX-License-Identifier: GPL-3.0-or-later
// Reading what a command was given: numbers with their allowed range, and the prompt (an argument, or "-" for
// standard input). Shared by `ask` and `compare`.
#pragma once

#include <QCommandLineParser>
#include <QString>

#include <cmath>
#include <optional>
#include <type_traits>

namespace juxta::cli {

// Leaves `target` alone when the option is absent; false with `error` set when the value is out of range.
template <typename T>
bool readNumber(const QCommandLineParser& parser, const QString& name, double min, double max,
                std::optional<T>& target, QString& error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max
        || (std::is_integral_v<T> && value != std::floor(value))) {
        const QString kind = std::is_integral_v<T> ? QStringLiteral("whole number") : QStringLiteral("number");
        error = QStringLiteral("--%1 must be a %2 between %3 and %4").arg(name, kind).arg(min).arg(max);
        return false;
    }
    target = T(value);
    return true;
}

// The prompt argument, or standard input for "-" (which must not be blank).
bool readPrompt(const QString& argument, QString& prompt, QString& error);

} // namespace juxta::cli
