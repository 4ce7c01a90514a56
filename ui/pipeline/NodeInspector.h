// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector beside the canvas. With a node selected: its name and the settings of its kind — for a model node
// the shared model picker and the chat's parameters and fallbacks (ChatSettingsPanel), the prompt with {{name}}
// highlighting and completion — then the node's problems, and from the last run its input, output and figures.
// With nothing selected: the pipeline's name, description and run variables. Every edit goes to the editor as an
// undoable step (typing in one field is one step).
#pragma once

#include "pipeline/PipelineValidator.h"
#include "pipeline/RunRecord.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QVBoxLayout;

namespace juxta {

struct AppConfig;
class ChatSettingsPanel;
class ModelCatalog;
class ModelPicker;
class PipelineEditor;
class PromptEdit;

class NodeInspector final : public QWidget
{
    Q_OBJECT

public:
    NodeInspector(PipelineEditor& editor, AppConfig& config, const ModelCatalog& catalog, QWidget* parent = nullptr);

    void showNode(const QString& name); // empty: the pipeline itself
    const QString& shownNode() const { return m_name; }
    void setProblems(const QList<PipelineProblem>& problems);
    void setRun(const std::optional<NodeRun>& run);
    void focusFirstField(); // the node's name, or the pipeline's

    QLineEdit* nameField() const { return m_nameField; }
    PromptEdit* promptEdit() const { return m_prompt; } // the model's prompt or the template's text
    ModelPicker* modelPicker() const { return m_picker; }
    ChatSettingsPanel* parameters() const { return m_parameters; }
    QTableWidget* variablesTable() const { return m_variables; }

signals:
    void statusMessage(const QString& text, int timeoutMs);
    void modelUsed(const QString& reference); // remembered as the model new nodes start with

protected:
    void changeEvent(QEvent* event) override; // the problems' colour follows a new palette

private:
    void rebuild();
    void buildNodeForm(const Node& node);
    void buildPipelineForm();
    void change(const QString& field, const std::function<void(Node&)>& set);
    void updateReach();
    void showProblemsInTone();
    void commitVariables();
    QStringList namesInReach() const;
    QLineEdit* lineField(const QString& label, const QString& value, const QString& field,
                         std::function<void(Node&, const QString&)> set);
    PromptEdit* textField(const QString& label, const QString& value, const QString& field,
                          std::function<void(Node&, const QString&)> set);
    void choiceField(const QString& label, const QStringList& choices, int current, const QString& field,
                     std::function<void(Node&, int)> set);
    void numberField(const QString& label, int value, int min, int max, const QString& field,
                     std::function<void(Node&, int)> set);

    PipelineEditor& m_editor;
    AppConfig& m_config;
    const ModelCatalog& m_catalog;
    QString m_name;
    bool m_applying = false;
    QList<PipelineProblem> m_allProblems;
    QVBoxLayout* m_layout;
    QLabel* m_title;
    QWidget* m_form = nullptr;
    QFormLayout* m_fields = nullptr;
    QLineEdit* m_nameField = nullptr;
    PromptEdit* m_prompt = nullptr;
    QList<PromptEdit*> m_promptEdits;
    ModelPicker* m_picker = nullptr;
    ChatSettingsPanel* m_parameters = nullptr;
    QTableWidget* m_variables = nullptr;
    QLabel* m_problems;
    QLabel* m_figures;
    QPlainTextEdit* m_lastInput;
    QPlainTextEdit* m_lastOutput;
    QWidget* m_runBox;
};

} // namespace juxta
