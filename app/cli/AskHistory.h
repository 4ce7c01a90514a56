// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta ask --save`: the question and its streaming answer go into the history database as a new conversation,
// exactly as the chat window records them (the answer's partial text is saved while it streams).
#pragma once

#include "chat/AnswerRecorder.h"
#include "storage/HistoryService.h"

#include <memory>

namespace juxta::cli {

class AskHistory
{
public:
    AskHistory(const QString& prompt, const ChatRequest& request, const QList<Target>& targets,
               AnswerRecorder::PriceFor priceFor);
    ~AskHistory();

    void watch(ResilientCall& call);
    QString conversationId() const { return m_conversationId; }

private:
    std::unique_ptr<HistoryService> m_history; // declared first: outlives the recorder
    std::unique_ptr<AnswerRecorder> m_recorder;
    QString m_conversationId;
};

} // namespace juxta::cli
