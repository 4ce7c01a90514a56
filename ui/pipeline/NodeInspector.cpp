// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/NodeInspector.h"

#include "common/Tones.h"
#include "catalog/ModelPicker.h"
#include "chat/ChatSettingsPanel.h"
#include "pipeline/NodeItem.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PromptEdit.h"
#include "pipeline/TemplateText.h"
#include "report/FigureFormat.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

NodeInspector::NodeInspector(PipelineEditor& editor, AppConfig& config, const ModelCatalog& catalog, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_config(config)
    , m_catalog(catalog)
    , m_layout(new QVBoxLayout(this))
    , m_title(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_lastInput(new QPlainTextEdit(this))
    , m_lastOutput(new QPlainTextEdit(this))
    , m_runBox(new QWidget(this))
{
    setObjectName(u"nodeInspector"_s);
    QFont title = m_title->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_title->setFont(title);
    m_layout->addWidget(m_title);
    m_problems->setWordWrap(true);
    m_problems->setObjectName(u"inspectorProblems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    showProblemsInTone();
    m_layout->addWidget(m_problems);

    auto* run = new QVBoxLayout(m_runBox);
    run->setContentsMargins(0, 0, 0, 0);
    auto* runTitle = new QLabel(tr("Last run"), m_runBox);
    runTitle->setFont(title);
    run->addWidget(runTitle);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_figures->setObjectName(u"inspectorFigures"_s);
    run->addWidget(m_figures);
    for (auto [edit, label] : {std::pair{m_lastInput, tr("Input")}, std::pair{m_lastOutput, tr("Output")}}) {
        auto* caption = new QLabel(label, m_runBox);
        caption->setBuddy(edit);
        run->addWidget(caption);
        edit->setReadOnly(true);
        edit->setTabChangesFocus(true);
        edit->setAccessibleName(tr("Last %1").arg(label.toLower()));
        edit->setMaximumHeight(140);
        run->addWidget(edit);
    }
    m_lastOutput->setObjectName(u"inspectorOutput"_s);
    m_layout->addWidget(m_runBox);
    m_layout->addStretch(1);

    PipelineDocument& doc = editor.document();
    connect(&doc, &PipelineDocument::wasReset, this, [this] { showNode({}); });
    connect(&doc, &PipelineDocument::nodeRemoved, this, [this](const QString& name) {
        if (name == m_name)
            showNode({});
    });
    connect(&doc, &PipelineDocument::nodeRenamed, this, [this](const QString& from, const QString& to) {
        if (from == m_name) {
            m_name = to;
            if (!m_applying)
                rebuild();
        }
    });
    connect(&doc, &PipelineDocument::nodeChanged, this, [this](const QString& name) {
        if (name == m_name && !m_applying)
            rebuild(); // an undo or redo: show what the node is now
    });
    connect(&doc, &PipelineDocument::variablesChanged, this, [this] {
        if (!m_applying)
            rebuild();
    });
    connect(&doc, &PipelineDocument::edgeAdded, this, &NodeInspector::updateReach);
    connect(&doc, &PipelineDocument::edgeRemoved, this, &NodeInspector::updateReach);
    showNode({});
}

void NodeInspector::showNode(const QString& name)
{
    m_name = m_editor.pipeline().node(name) ? name : QString();
    rebuild();
}

void NodeInspector::rebuild()
{
    if (m_form) { // often rebuilt from a signal of one of its own fields: that field must outlive the emission
        m_form->hide();
        m_form->setParent(nullptr);
        m_form->deleteLater();
    }
    m_form = new QWidget(this);
    m_fields = new QFormLayout(m_form);
    m_fields->setContentsMargins(0, 0, 0, 0);
    m_fields->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->insertWidget(1, m_form);
    m_nameField = nullptr;
    m_prompt = nullptr;
    m_picker = nullptr;
    m_parameters = nullptr;
    m_variables = nullptr;
    m_promptEdits.clear();
    const Node* node = m_editor.pipeline().node(m_name);
    if (node)
        buildNodeForm(*node);
    else
        buildPipelineForm();
    setProblems(m_allProblems);
    if (!node)
        setRun(std::nullopt);
    m_form->setVisible(isVisible()); // now, not on the next turn of the event loop: focus may go there at once
    // Tab walks the fields top to bottom: the form is made after the rest of the window, so say the order.
    QWidget* previous = nullptr;
    for (QWidget* w : m_form->findChildren<QWidget*>()) {
        if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy() || w->window() != m_form->window())
            continue;
        if (previous)
            setTabOrder(previous, w);
        previous = w;
    }
}

void NodeInspector::change(const QString& field, const std::function<void(Node&)>& set)
{
    const Node* current = m_editor.pipeline().node(m_name);
    if (!current)
        return;
    Node updated = *current;
    set(updated);
    m_applying = true;
    m_editor.updateNode(m_name, updated, field);
    m_applying = false;
}

QLineEdit* NodeInspector::lineField(const QString& label, const QString& value, const QString& field,
                                    std::function<void(Node&, const QString&)> set)
{
    auto* edit = new QLineEdit(value, m_form);
    edit->setObjectName(field);
    connect(edit, &QLineEdit::textEdited, this, [this, field, set](const QString& text) {
        change(field, [&](Node& n) { set(n, text); });
    });
    m_fields->addRow(label, edit);
    return edit;
}

PromptEdit* NodeInspector::textField(const QString& label, const QString& value, const QString& field,
                                     std::function<void(Node&, const QString&)> set)
{
    auto* edit = new PromptEdit(m_form);
    edit->setObjectName(field);
    edit->setPlainText(value);
    edit->setNamesInReach(namesInReach());
    edit->setMinimumHeight(90);
    edit->setAccessibleName(QString(label).remove(u'&'));
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, field, set] {
        const QString text = edit->toPlainText();
        change(field, [&](Node& n) { set(n, text); });
    });
    m_fields->addRow(label, edit);
    m_promptEdits.append(edit);
    return edit;
}

void NodeInspector::choiceField(const QString& label, const QStringList& choices, int current, const QString& field,
                                std::function<void(Node&, int)> set)
{
    auto* box = new QComboBox(m_form);
    box->setObjectName(field);
    box->addItems(choices);
    box->setCurrentIndex(current);
    connect(box, &QComboBox::activated, this, [this, field, set](int index) {
        change(field, [&](Node& n) { set(n, index); });
        rebuild(); // other fields may apply now
    });
    m_fields->addRow(label, box);
}

void NodeInspector::numberField(const QString& label, int value, int min, int max, const QString& field,
                                std::function<void(Node&, int)> set)
{
    auto* spin = new QSpinBox(m_form);
    spin->setObjectName(field);
    spin->setRange(min, max);
    spin->setValue(value);
    connect(spin, &QSpinBox::valueChanged, this, [this, field, set](int v) { change(field, [&](Node& n) { set(n, v); }); });
    m_fields->addRow(label, spin);
}

void NodeInspector::buildNodeForm(const Node& node)
{
    m_title->setText(nodeKindTitle(node.kind));
    m_nameField = new QLineEdit(node.name, m_form);
    m_nameField->setObjectName(u"nodeName"_s);
    m_nameField->setToolTip(tr("Other nodes refer to this one as {{%1}}").arg(node.name));
    connect(m_nameField, &QLineEdit::editingFinished, this, [this] {
        const QString to = m_nameField->text().trimmed();
        if (to == m_name)
            return;
        QString error;
        if (!m_editor.renameNode(m_name, to, &error)) {
            emit statusMessage(tr("Not renamed: %1").arg(error), 6000);
            m_nameField->setText(m_name);
        }
    });
    m_fields->addRow(tr("&Name"), m_nameField);

    switch (node.kind) {
    case NodeKind::Input:
        choiceField(tr("&Source"), {tr("A run variable"), tr("Fixed text"), tr("A file")}, int(node.source), u"source"_s,
                    [](Node& n, int i) { n.source = InputSource(i); });
        if (node.source == InputSource::Variable)
            lineField(tr("&Variable"), node.variable, u"variable"_s, [](Node& n, const QString& v) { n.variable = v; })
                ->setPlaceholderText(node.name);
        else if (node.source == InputSource::Text)
            m_prompt = textField(tr("&Text"), node.text, u"text"_s, [](Node& n, const QString& v) { n.text = v; });
        else
            lineField(tr("&File"), node.file, u"file"_s, [](Node& n, const QString& v) { n.file = v; })
                ->setPlaceholderText(tr("relative to the pipeline's folder"));
        break;
    case NodeKind::Model: {
        m_picker = new ModelPicker(m_config, m_catalog, m_form);
        m_picker->setObjectName(u"nodeModel"_s);
        m_picker->setAccessibleName(tr("Model"));
        m_picker->setCurrentModel(node.model);
        connect(m_picker, &ModelPicker::modelChosen, this, [this](const QString& reference) {
            change(u"model"_s, [&](Node& n) { n.model = reference; });
            emit modelUsed(reference);
        });
        m_fields->addRow(tr("&Model"), m_picker);
        m_prompt = textField(tr("&Prompt"), node.prompt, u"prompt"_s, [](Node& n, const QString& v) { n.prompt = v; });
        m_parameters = new ChatSettingsPanel(m_config, m_catalog, m_form);
        m_parameters->setSettings(modelSettingsOf(node));
        connect(m_parameters, &ChatSettingsPanel::changed, this, [this] {
            const ChatSettings s = m_parameters->settings({});
            change(u"parameters"_s, [&](Node& n) { setModelSettings(n, s); });
        });
        m_fields->addRow(m_parameters);
        choiceField(tr("&Answer"), {tr("Free text"), tr("A JSON object"), tr("JSON matching a schema")}, int(node.json),
                    u"json"_s, [](Node& n, int i) { n.json = JsonOutput(i); });
        if (node.json == JsonOutput::Schema)
            textField(tr("S&chema"), QString::fromUtf8(node.schema), u"schema"_s,
                      [](Node& n, const QString& v) { n.schema = v.toUtf8(); });
        numberField(tr("Items at &once"), node.concurrency, 1, 64, u"concurrency"_s, [](Node& n, int v) { n.concurrency = v; });
        break;
    }
    case NodeKind::Template:
        m_prompt = textField(tr("&Template"), node.text, u"text"_s, [](Node& n, const QString& v) { n.text = v; });
        break;
    case NodeKind::Transform:
        choiceField(tr("&Operation"), {tr("Regular expression"), tr("JSON pointer"), tr("Check JSON"), tr("Split"),
                                       tr("Join"), tr("Script")},
                    int(node.op), u"op"_s, [](Node& n, int i) { n.op = TransformOp(i); });
        switch (node.op) {
        case TransformOp::Regex:
            lineField(tr("&Pattern"), node.pattern, u"pattern"_s, [](Node& n, const QString& v) { n.pattern = v; });
            choiceField(tr("&Matches"), {tr("The first"), tr("Every one, as a list")}, int(node.mode), u"mode"_s,
                        [](Node& n, int i) { n.mode = RegexMode(i); });
            lineField(tr("&Group"), node.group, u"group"_s, [](Node& n, const QString& v) { n.group = v; });
            break;
        case TransformOp::JsonPointer:
            lineField(tr("&Pointer"), node.pointer, u"pointer"_s, [](Node& n, const QString& v) { n.pointer = v; });
            break;
        case TransformOp::JsonValidate: break;
        case TransformOp::Split:
            choiceField(tr("Split &by"), {tr("A separator"), tr("Paragraphs"), tr("Tokens")}, int(node.by), u"by"_s,
                        [](Node& n, int i) { n.by = SplitBy(i); });
            if (node.by == SplitBy::Separator)
                lineField(tr("&Separator"), node.separator, u"separator"_s, [](Node& n, const QString& v) { n.separator = v; });
            if (node.by == SplitBy::Tokens) {
                numberField(tr("&Tokens per piece"), node.size, 1, 1'000'000, u"size"_s, [](Node& n, int v) { n.size = v; });
                numberField(tr("&Overlap"), node.overlap, 0, 1'000'000, u"overlap"_s, [](Node& n, int v) { n.overlap = v; });
            }
            break;
        case TransformOp::Join:
            lineField(tr("&Separator"), node.separator, u"separator"_s, [](Node& n, const QString& v) { n.separator = v; });
            break;
        case TransformOp::Script:
            textField(tr("&Script"), node.script, u"script"_s, [](Node& n, const QString& v) { n.script = v; });
            numberField(tr("&Time limit (ms)"), node.timeoutMs, 10, 600'000, u"timeout"_s, [](Node& n, int v) { n.timeoutMs = v; });
            break;
        }
        break;
    case NodeKind::Condition:
        choiceField(tr("&Test"), {tr("Contains"), tr("Matches a regular expression"), tr("Script")}, int(node.test),
                    u"test"_s, [](Node& n, int i) { n.test = ConditionTest(i); });
        if (node.test == ConditionTest::Contains)
            lineField(tr("&Text"), node.value, u"value"_s, [](Node& n, const QString& v) { n.value = v; });
        else if (node.test == ConditionTest::Matches)
            lineField(tr("&Pattern"), node.pattern, u"pattern"_s, [](Node& n, const QString& v) { n.pattern = v; });
        else
            textField(tr("&Script"), node.script, u"script"_s, [](Node& n, const QString& v) { n.script = v; });
        break;
    case NodeKind::Merge:
    case NodeKind::Output: {
        auto* note = new QLabel(nodeSummary(node), m_form);
        note->setWordWrap(true);
        m_fields->addRow(note);
        break;
    }
    }
}

void NodeInspector::buildPipelineForm()
{
    m_title->setText(tr("Pipeline"));
    const Pipeline& p = m_editor.pipeline();
    auto* name = new QLineEdit(p.name, m_form);
    name->setObjectName(u"pipelineName"_s);
    auto* description = new QLineEdit(p.description, m_form);
    description->setObjectName(u"pipelineDescription"_s);
    description->setCursorPosition(0); // a long description is read from its start
    description->setToolTip(p.description);
    const auto commit = [this, name, description] {
        if (name->text() == m_editor.pipeline().name && description->text() == m_editor.pipeline().description)
            return;
        m_applying = true;
        m_editor.setDescription(name->text(), description->text());
        m_applying = false;
    };
    connect(name, &QLineEdit::editingFinished, this, commit);
    connect(description, &QLineEdit::editingFinished, this, commit);
    m_fields->addRow(tr("&Name"), name);
    m_fields->addRow(tr("&Description"), description);

    m_variables = new QTableWidget(int(p.variables.size()), 3, m_form);
    m_variables->setObjectName(u"pipelineVariables"_s);
    m_variables->setAccessibleName(tr("Run variables"));
    m_variables->setHorizontalHeaderLabels({tr("Variable"), tr("Default"), tr("Description")});
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->hide();
    m_variables->setTabKeyNavigation(false);
    for (int row = 0; row < p.variables.size(); ++row) {
        const Variable& v = p.variables.at(row);
        m_variables->setItem(row, 0, new QTableWidgetItem(v.name));
        m_variables->setItem(row, 1, new QTableWidgetItem(v.defaultValue));
        m_variables->setItem(row, 2, new QTableWidgetItem(v.description));
    }
    m_variables->setMinimumHeight(120);
    connect(m_variables, &QTableWidget::itemChanged, this, &NodeInspector::commitVariables);
    m_fields->addRow(new QLabel(tr("Run &variables — {{name}} in any prompt"), m_form));
    m_fields->addRow(m_variables);
    auto* add = new QPushButton(tr("Add variable"), m_form);
    add->setObjectName(u"addVariable"_s);
    connect(add, &QPushButton::clicked, this, [this] {
        QList<Variable> variables = m_editor.pipeline().variables;
        Variable v;
        Pipeline probe = m_editor.pipeline();
        v.name = uniqueName(probe, u"input"_s);
        variables.append(v);
        m_editor.setVariables(variables);
    });
    auto* remove = new QPushButton(tr("Remove variable"), m_form);
    remove->setObjectName(u"removeVariable"_s);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_variables->currentRow();
        QList<Variable> variables = m_editor.pipeline().variables;
        if (row >= 0 && row < variables.size()) {
            variables.removeAt(row);
            m_editor.setVariables(variables);
        }
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    m_fields->addRow(buttons);
}

void NodeInspector::commitVariables()
{
    QList<Variable> variables;
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_variables->item(row, column);
            return item ? item->text() : QString();
        };
        variables.append({text(0).trimmed(), text(1), text(2)});
    }
    m_applying = true;
    m_editor.setVariables(variables);
    m_applying = false;
}

QStringList NodeInspector::namesInReach() const
{
    QStringList names;
    const Pipeline& p = m_editor.pipeline();
    for (const Variable& v : p.variables)
        names.append(v.name);
    for (const Edge& e : p.edgesInto(m_name)) {
        if (e.port == kItemsPort)
            names.append(kItemName);
        else if (!names.contains(e.from))
            names.append(e.from);
    }
    return names;
}

void NodeInspector::updateReach()
{
    const QStringList names = namesInReach();
    for (PromptEdit* edit : std::as_const(m_promptEdits))
        edit->setNamesInReach(names);
}

void NodeInspector::setProblems(const QList<PipelineProblem>& problems)
{
    m_allProblems = problems;
    QStringList mine;
    for (const PipelineProblem& p : problems) {
        if (p.node == m_name)
            mine.append(u"⚠ "_s + p.message);
    }
    m_problems->setText(mine.join(u'\n'));
    m_problems->setVisible(!mine.isEmpty());
}

void NodeInspector::focusFirstField()
{
    for (QWidget* w : m_form->findChildren<QWidget*>()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->window() == window() && w->isVisibleTo(window())) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void NodeInspector::setRun(const std::optional<NodeRun>& run)
{
    m_runBox->setVisible(run.has_value() && !m_name.isEmpty());
    if (!run)
        return;
    QString figures = nodeStateLabel(run->state);
    const QString line = nodeRunFiguresLine(*run);
    if (!line.isEmpty())
        figures += u" · "_s + line;
    if (!run->servedBy.isEmpty())
        figures += u"\n"_s + tr("served by %1").arg(run->servedBy.join(u", "_s));
    if (run->attempts > 1)
        figures += u"\n"_s + tr("%n attempt(s)", nullptr, run->attempts);
    if (!run->error.isEmpty())
        figures += u"\n"_s + run->error;
    m_figures->setText(figures);
    m_lastInput->setPlainText(run->input.asText());
    m_lastOutput->setPlainText(run->output.asText());
}

void NodeInspector::showProblemsInTone()
{
    QPalette warning = palette();
    warning.setColor(QPalette::WindowText, toneColour(Tone::Warning, warning, ToneUse::Text, QPalette::Window));
    m_problems->setPalette(warning);
}

void NodeInspector::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showProblemsInTone();
}

} // namespace juxta
