// SPDX-License-Identifier: GPL-3.0-or-later
// The prompt and template editor of pipeline nodes: {{name}} references are highlighted — in the link colour when
// the name is in reach of the node, in the warning colour when it is not — and typing "{{" (or Ctrl+Space) offers
// the names in reach: the pipeline's variables, the nodes connected into this one, and "item" inside a map.
#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace juxta {

class PromptHighlighter;

class PromptEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PromptEdit(QWidget* parent = nullptr);

    void setNamesInReach(const QStringList& names);
    QStringList namesInReach() const { return m_names; }
    QCompleter* completer() const { return m_completer; }

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override; // the highlight's colours follow a new palette

private:
    void showCompletions();
    void insertCompletion(const QString& name);
    QString prefixAtCursor() const; // what was typed after the last "{{" on this line

    QStringList m_names;
    QCompleter* m_completer;
    QStringListModel* m_model;
    PromptHighlighter* m_highlighter;
};

} // namespace juxta
