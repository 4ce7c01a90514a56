// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineEdit.h"

#include "pipeline/PipelineDocument.h"

namespace juxta {

PipelineEdit::PipelineEdit(PipelineDocument& document, const QString& text,
                           std::function<bool(PipelineDocument&)> change, Merge merge, const QString& mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_change(std::move(change))
    , m_merge(merge)
    , m_mergeKey(mergeKey)
{
}

void PipelineEdit::redo()
{
    if (m_done) {
        m_document.transitionTo(m_after);
        return;
    }
    m_done = true;
    m_before = m_document.pipeline();
    const bool changed = m_change(m_document);
    m_change = {}; // what it captured is not needed again
    m_after = m_document.pipeline();
    if (!changed || m_after == m_before) {
        m_document.transitionTo(m_before); // a change that failed half-way leaves nothing behind
        setObsolete(true);
    }
}

void PipelineEdit::undo()
{
    m_document.transitionTo(m_before);
}

bool PipelineEdit::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const PipelineEdit*>(other); // same id(): same class
    if (edit->m_mergeKey != m_mergeKey)
        return false;
    m_after = edit->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace juxta
