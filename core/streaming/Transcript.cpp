// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/Transcript.h"

namespace juxta {

namespace {

// QString doubles its capacity as it grows: a long answer could hold twice its size. Past 64 KiB it grows by a
// quarter instead, still geometric (appends stay amortised O(1)), so memory stays close to what arrived.
void append(QString& to, const QString& more)
{
    const qsizetype needed = to.size() + more.size();
    if (needed > to.capacity() && needed > 32 * 1024)
        to.reserve(needed + needed / 4);
    to += more;
}

} // namespace

void Transcript::apply(const StreamEvent& event)
{
    if (const auto* text = std::get_if<TextDelta>(&event))
        append(m_text, text->text);
    else if (const auto* reasoning = std::get_if<ReasoningDelta>(&event))
        append(m_reasoning, reasoning->text);
    else if (const auto* tool = std::get_if<ToolCallDelta>(&event))
        m_toolCalls.add(*tool);
}

} // namespace juxta
