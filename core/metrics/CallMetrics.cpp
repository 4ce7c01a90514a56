// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/CallMetrics.h"

namespace juxta {

void CallTimer::start(qint64 nowNs)
{
    *this = CallTimer();
    m_startNs = nowNs;
}

void CallTimer::markDelta(qint64 nowNs, bool isToken)
{
    if (isToken && m_firstTokenNs < 0)
        m_firstTokenNs = nowNs;
    if (m_firstDeltaNs < 0)
        m_firstDeltaNs = nowNs;
    if (m_reads == 0 || nowNs != m_lastDeltaNs)
        ++m_reads;
    m_lastDeltaNs = nowNs;
}

void CallTimer::stop(qint64 nowNs)
{
    if (m_endNs < 0)
        m_endNs = nowNs;
}

CallMetrics CallTimer::metrics(std::optional<qint64> outputTokens, qsizetype outputChars) const
{
    CallMetrics m;
    if (m_startNs < 0)
        return m;
    if (const qint64 first = m_firstTokenNs >= 0 ? m_firstTokenNs : m_firstDeltaNs; first >= 0)
        m.ttftMs = double(first - m_startNs) / 1e6;
    if (m_endNs >= 0)
        m.totalMs = double(m_endNs - m_startNs) / 1e6;

    double tokens = 0;
    if (outputTokens && *outputTokens > 0) {
        tokens = double(*outputTokens);
    } else if (outputChars > 0) {
        tokens = double(outputChars) / 4.0; // the usual ~4 characters per token for English text
        m.outputTokensEstimated = true;
    }
    // Generation phase: first delta to last delta. A burst, or a few milliseconds, has no measurable rate.
    const qint64 genNs = m_lastDeltaNs - m_firstDeltaNs;
    if (m_firstDeltaNs >= 0 && double(genNs) / 1e6 >= kMinRateWindowMs && m_reads >= kMinRateReads && tokens > 0)
        m.outputTokensPerSecond = tokens / (double(genNs) / 1e9);
    return m;
}

} // namespace juxta
