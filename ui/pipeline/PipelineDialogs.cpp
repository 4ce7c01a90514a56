// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineDialogs.h"

#include "pipeline/PipelineGraph.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString edgeText(const Edge& e)
{
    QString text = e.branch.isEmpty() ? u"%1 → %2"_s.arg(e.from, e.to) : u"%1 (%2) → %3"_s.arg(e.from, e.branch, e.to);
    return e.port.isEmpty() ? text : text + u" (%1)"_s.arg(e.port);
}

} // namespace

ConnectDialog::ConnectDialog(const Pipeline& pipeline, const QString& node, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect %1").arg(node));
    const Node* self = pipeline.node(node);
    if (self) {
        for (const Node& other : pipeline.nodes) {
            if (other.name == node)
                continue;
            for (const QString& out : outputPortsOf(*self))
                for (const QString& in : inputPortsOf(other))
                    m_edges.append({node, other.name, out, in});
            for (const QString& out : outputPortsOf(other))
                for (const QString& in : inputPortsOf(*self))
                    m_edges.append({other.name, node, out, in});
        }
    }
    m_edges.removeIf([&pipeline](const Edge& e) { return !connectionProblem(pipeline, e).isEmpty(); });
    for (const Edge& e : std::as_const(m_edges))
        m_list->addItem(edgeText(e));
    m_list->setCurrentRow(0);
    m_list->setAccessibleName(tr("Connections %1 can make").arg(node));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(m_edges.isEmpty() ? tr("%1 has no connection to make that a port would take.").arg(node)
                                               : tr("&Connections that %1 can make:").arg(node), this);
    label->setBuddy(m_list);
    layout->addWidget(label);
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_edges.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(420, 320);
}

std::optional<Edge> ConnectDialog::chosenEdge() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_edges.size() ? std::optional(m_edges.at(row)) : std::nullopt;
}

RunVariablesDialog::RunVariablesDialog(const QList<Variable>& variables, const QHash<QString, QString>& remembered,
                                       QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"runVariablesDialog"_s);
    setWindowTitle(tr("Run the pipeline"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (const Variable& v : variables) {
        auto* edit = new QLineEdit(remembered.value(v.name, v.defaultValue), this);
        edit->setObjectName(u"variable_"_s + v.name);
        edit->setPlaceholderText(v.defaultValue);
        edit->setToolTip(v.description);
        edit->setAccessibleDescription(v.description);
        form->addRow(v.name, edit);
        m_fields.insert(v.name, edit);
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QHash<QString, QString> RunVariablesDialog::values() const
{
    QHash<QString, QString> out;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        out.insert(it.key(), it.value()->text());
    return out;
}

} // namespace juxta
