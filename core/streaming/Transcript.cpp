// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/Transcript.h"

namespace juxta {

void Transcript::apply(const StreamEvent& event)
{
    if (const auto* text = std::get_if<TextDelta>(&event))
        m_text += text->text;
    else if (const auto* reasoning = std::get_if<ReasoningDelta>(&event))
        m_reasoning += reasoning->text;
    else if (const auto* tool = std::get_if<ToolCallDelta>(&event))
        m_toolCalls.add(*tool);
}

} // namespace juxta
