// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/ComparisonList.h"

#include "compare/CompareSetup.h"

#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

ComparisonList::ComparisonList(QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_new(new QPushButton(tr("New comparison"), this))
{
    setObjectName(u"comparisonList"_s);
    m_search->setPlaceholderText(tr("Search comparisons"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search comparisons"));
    m_list->setAccessibleName(tr("Saved comparisons"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_new);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    connect(m_new, &QPushButton::clicked, this, &ComparisonList::newRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ComparisonList::searchChanged);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit openRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit openRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QListWidgetItem* item = m_list->itemAt(at);
        if (!item)
            return;
        const QString id = item->data(Qt::UserRole).toString();
        QMenu menu(this);
        menu.addAction(tr("Delete"), this, [this, id] { emit deleteRequested(id); });
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
}

void ComparisonList::setComparisons(const QList<ComparisonRecord>& comparisons)
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    for (const ComparisonRecord& c : comparisons) {
        const CompareSetup setup = CompareSetup::fromJson(c.setupJson);
        QStringList models;
        for (const CompareColumnSetup& column : setup.columns)
            models.append(column.overrides.model.section(u'/', 1));
        models.sort(Qt::CaseInsensitive); // not in column order: a blind comparison's columns must not be named
        auto* item = new QListWidgetItem(c.title.isEmpty() ? tr("Untitled comparison") : c.title, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat) + u'\n'
                         + tr("%n model(s): %1", nullptr, int(models.size())).arg(models.join(u", "_s)));
        if (c.id == current)
            m_list->setCurrentItem(item);
    }
}

void ComparisonList::setCurrent(const QString& id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(i);
            return;
        }
    }
    m_list->clearSelection();
    m_list->setCurrentItem(nullptr);
}

QString ComparisonList::searchText() const
{
    return m_search->text();
}

} // namespace juxta
