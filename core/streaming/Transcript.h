// SPDX-License-Identifier: GPL-3.0-or-later
// Append-only record of one answer as it streams: text, reasoning, tool calls. Views read only what is new.
#pragma once

#include "streaming/StreamEvent.h"
#include "streaming/ToolCallAssembler.h"

#include <QString>

namespace juxta {

class Transcript
{
public:
    // Applies the content-bearing events (text, reasoning, tool calls); others are ignored here.
    void apply(const StreamEvent& event);

    const QString& text() const { return m_text; }
    const QString& reasoning() const { return m_reasoning; }
    const QList<ToolCall>& toolCalls() const { return m_toolCalls.calls(); }
    qsizetype length() const { return m_text.size(); }
    QStringView textFrom(qsizetype offset) const { return QStringView(m_text).sliced(qBound(qsizetype(0), offset, m_text.size())); }
    bool hasOutput() const { return !m_text.isEmpty() || !m_reasoning.isEmpty() || !m_toolCalls.isEmpty(); }

private:
    QString m_text;
    QString m_reasoning;
    ToolCallAssembler m_toolCalls;
};

} // namespace juxta
