// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces streamed tool-call fragments (by index) back into complete calls.
#pragma once

#include "streaming/StreamEvent.h"

#include <QList>
#include <QString>

namespace juxta {

struct ToolCall
{
    int index = 0;
    QString id;
    QString name;
    QString arguments; // JSON text exactly as the model produced it (it may be invalid if the stream was cut)
};

// [{"id","name","arguments"}] as compact JSON text, as the history stores tool calls; empty for none.
QString toolCallsToJson(const QList<ToolCall>& calls);

class ToolCallAssembler
{
public:
    void add(const ToolCallDelta& delta);
    const QList<ToolCall>& calls() const { return m_calls; } // ordered by index
    bool isEmpty() const { return m_calls.isEmpty(); }

private:
    QList<ToolCall> m_calls;
};

} // namespace juxta
