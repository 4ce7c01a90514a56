// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/ToolCallAssembler.h"

#include <algorithm>

namespace juxta {

void ToolCallAssembler::add(const ToolCallDelta& delta)
{
    auto it = std::lower_bound(m_calls.begin(), m_calls.end(), delta.index,
                               [](const ToolCall& call, int index) { return call.index < index; });
    if (it == m_calls.end() || it->index != delta.index) {
        ToolCall fresh;
        fresh.index = delta.index;
        it = m_calls.insert(it, fresh);
    }
    // id and name normally come once; some servers repeat them on every fragment, so never append them.
    if (!delta.id.isEmpty())
        it->id = delta.id;
    if (!delta.name.isEmpty())
        it->name = delta.name;
    it->arguments += delta.argumentsFragment;
}

} // namespace juxta
