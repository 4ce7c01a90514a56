// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta ask --save`: a new conversation with the question, written before the answer starts, and the history the
// answer records itself into (partial text while it streams, then the final answer), exactly as the chat does.
#pragma once

#include "routing/Target.h"
#include "storage/HistoryRecords.h"
#include "storage/HistoryService.h"

#include <memory>

namespace juxta {
struct ChatRequest;
}

namespace juxta::cli {

class AskHistory
{
public:
    AskHistory(const QString& prompt, const ChatRequest& request, const QList<Target>& targets);

    HistoryService& history() { return *m_history; }
    const MessageRecord& answer() const { return m_answer; } // the answer's ids, for its run
    QString conversationId() const { return m_answer.conversationId; }

private:
    std::unique_ptr<HistoryService> m_history;
    MessageRecord m_answer;
};

} // namespace juxta::cli
