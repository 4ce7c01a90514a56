// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's two small dialogs. ConnectDialog: every edge the selected node can make — from its outputs to the
// inputs that take them, and into it — for connecting without a mouse. RunVariablesDialog: the run's variables,
// filled with what was used last time for this pipeline (the page keeps them in the app's settings, never in the file).
#pragma once

#include "pipeline/Pipeline.h"

#include <QDialog>
#include <QHash>

class QLineEdit;
class QListWidget;

namespace juxta {

class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(const Pipeline& pipeline, const QString& node, QWidget* parent = nullptr);
    QList<Edge> candidates() const { return m_edges; }
    QListWidget* list() const { return m_list; }
    std::optional<Edge> chosenEdge() const;

private:
    QList<Edge> m_edges;
    QListWidget* m_list;
};

class RunVariablesDialog final : public QDialog
{
    Q_OBJECT

public:
    RunVariablesDialog(const QList<Variable>& variables, const QHash<QString, QString>& remembered,
                       QWidget* parent = nullptr);
    QHash<QString, QString> values() const;
    QLineEdit* field(const QString& variable) const { return m_fields.value(variable); }

private:
    QHash<QString, QLineEdit*> m_fields;
};

} // namespace juxta
