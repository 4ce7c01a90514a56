// SPDX-License-Identifier: GPL-3.0-or-later
#include "streaming/ToolCallAssembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

QString toolCallsToJson(const QList<ToolCall>& calls)
{
    if (calls.isEmpty())
        return {};
    QJsonArray array;
    for (const ToolCall& call : calls) {
        array.append(QJsonObject{{QStringLiteral("id"), call.id},
                                 {QStringLiteral("name"), call.name},
                                 {QStringLiteral("arguments"), call.arguments}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace juxta
