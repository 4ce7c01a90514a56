// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString plain(QString text)
{
    return text.remove(u'&').remove(u'…').trimmed();
}

void collect(const QMenu* menu, const QString& path, const std::function<void(QString, QString, QString)>& add)
{
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu()) {
            collect(action->menu(), path + u" ▸ "_s + plain(action->text()), add);
            continue;
        }
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        if (!keys.isEmpty())
            add(path, plain(action->text()), keys.join(u", "_s));
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_table(new QTableWidget(0, 3, this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_search->setPlaceholderText(tr("Search shortcuts"));
    m_search->setAccessibleName(tr("Search shortcuts"));
    m_search->setClearButtonEnabled(true);
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("What"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    if (menus) {
        for (QAction* top : menus->actions()) {
            if (top->menu())
                collect(top->menu(), plain(top->text()), [this](const QString& where, const QString& what,
                                                                const QString& keys) { addRow(where, what, keys); });
        }
    }
    // Keys of a view, not of a menu.
    const QString chat = tr("Chat"), pipeline = tr("Pipeline view"), anywhere = tr("Lists and fields");
    addRow(chat, tr("Send the message"), tr("Ctrl+Enter"));
    addRow(chat, tr("New line in the message"), tr("Enter"));
    addRow(chat, tr("Stop the answer"), tr("Esc"));
    addRow(chat, tr("Edit your last message"), tr("↑ in an empty message box"));
    addRow(pipeline, tr("Add a node at the cursor"), tr("Space (on the canvas)"));
    addRow(pipeline, tr("Move the selected nodes"), tr("Arrow keys; Shift+arrow moves further"));
    addRow(pipeline, tr("Delete the selection"), tr("Delete, Backspace"));
    addRow(pipeline, tr("Show a node's output larger"), tr("Double-click the node"));
    addRow(pipeline, tr("Complete a {{name}} in a prompt"), tr("Ctrl+Space, or type {{"));
    addRow(pipeline, tr("Zoom at the cursor"), tr("Wheel; Shift+wheel scrolls"));
    addRow(pipeline, tr("Pan"), tr("Middle button or Alt+drag"));
    addRow(anywhere, tr("Next or previous control"), tr("Tab, Shift+Tab"));
    m_table->resizeColumnsToContents();

    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("Shortcuts of the Pipeline view work while it has the focus; the others anywhere in "
                                "the window."), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    resize(720, 560);
}

void ShortcutsDialog::addRow(const QString& where, const QString& what, const QString& keys)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(where));
    m_table->setItem(row, 1, new QTableWidgetItem(what));
    m_table->setItem(row, 2, new QTableWidgetItem(keys));
}

void ShortcutsDialog::filter(const QString& text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = needle.isEmpty();
        for (int column = 0; column < 3 && !match; ++column)
            match = m_table->item(row, column)->text().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

} // namespace juxta
