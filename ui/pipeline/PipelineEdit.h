// SPDX-License-Identifier: GPL-3.0-or-later
// The one undo command of the pipeline editor: it makes its change through the document's own methods the first
// time, keeps the pipeline as it was before and after, and undoes and redoes by asking the document to become one
// or the other (PipelineDocument::transitionTo). So an undo restores exactly what was there — edge order, positions,
// every reference a rename rewrote — and can never leave a dangling edge.
#pragma once

#include "pipeline/Pipeline.h"

#include <QUndoCommand>
#include <functional>

namespace juxta {

class PipelineDocument;

class PipelineEdit final : public QUndoCommand
{
public:
    enum Merge { NoMerge = -1, MergeTyping = 1, MergeNudge = 2 };

    // `change` returns false when nothing could be done: the command then leaves no entry. Edits with the same
    // `merge` and `mergeKey` made one after another become one entry (typing into a field, arrow-key nudges).
    PipelineEdit(PipelineDocument& document, const QString& text, std::function<bool(PipelineDocument&)> change,
                 Merge merge = NoMerge, const QString& mergeKey = {});

    void redo() override;
    void undo() override;
    int id() const override { return m_merge; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PipelineDocument& m_document;
    std::function<bool(PipelineDocument&)> m_change;
    Merge m_merge;
    QString m_mergeKey;
    Pipeline m_before;
    Pipeline m_after;
    bool m_done = false;
};

} // namespace juxta
