// SPDX-License-Identifier: GPL-3.0-or-later
// Help ▸ Keyboard shortcuts: every menu action that has a key, read from the window's menus (so the list cannot
// drift from what the keys do), then the keys that belong to a view rather than a menu (Space on the canvas, the
// arrows, Ctrl+Enter in the message box …). A searchable, accessible table.
#pragma once

#include <QDialog>

class QLineEdit;
class QMenuBar;
class QTableWidget;

namespace juxta {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }

private:
    void addRow(const QString& where, const QString& what, const QString& keys);
    void filter(const QString& text);

    QLineEdit* m_search;
    QTableWidget* m_table;
};

} // namespace juxta
