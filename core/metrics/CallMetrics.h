// SPDX-License-Identifier: GPL-3.0-or-later
// Time to first token, total time and output speed of one call, from a monotonic clock.
#pragma once

#include <QtGlobal>
#include <optional>

namespace juxta {

// An output speed is claimed only over a generation of at least this long that arrived in at least kMinRateReads
// reads: a 3 ms answer in one burst would otherwise "run" at millions of tokens per second.
constexpr double kMinRateWindowMs = 100;
constexpr int kMinRateReads = 2;

struct CallMetrics
{
    std::optional<double> ttftMs;                // request start → first text or reasoning delta (or, in an
                                                 // answer that is only tool calls, the first tool-call delta)
    std::optional<double> totalMs;               // request start → end of the response
    std::optional<double> outputTokensPerSecond; // output tokens over the generation phase (see kMinRateWindowMs)
    bool outputTokensEstimated = false;          // true when the provider reported no usage
    std::optional<double> serverOutputTokensPerSecond; // as the server measured it, where it reports that
};

// Collects the timestamps; metrics() turns them into figures.
class CallTimer
{
public:
    void start(qint64 nowNs);
    // Any output: text, reasoning or a tool-call fragment. `isToken` is true for text and reasoning. Deltas of one
    // read carry the same `nowNs`: each new time counts as one more read.
    void markDelta(qint64 nowNs, bool isToken = true);
    void stop(qint64 nowNs);
    // `outputTokens` from the provider's usage when it reported one; otherwise estimated from the text length.
    CallMetrics metrics(std::optional<qint64> outputTokens, qsizetype outputChars) const;

private:
    qint64 m_startNs = -1;
    qint64 m_firstTokenNs = -1;
    qint64 m_firstDeltaNs = -1;
    qint64 m_lastDeltaNs = -1;
    qint64 m_endNs = -1;
    int m_reads = 0;
};

} // namespace juxta
