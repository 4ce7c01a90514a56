// SPDX-License-Identifier: GPL-3.0-or-later
// Saved comparisons, newest first, with search (titles and the models they ran) and delete.
#pragma once

#include "storage/ComparisonStore.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace juxta {

class ComparisonList final : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonList(QWidget* parent = nullptr);

    void setComparisons(const QList<ComparisonRecord>& comparisons);
    void setCurrent(const QString& id);
    QString searchText() const;
    QListWidget* list() const { return m_list; }

signals:
    void openRequested(const QString& id);
    void newRequested();
    void deleteRequested(const QString& id);
    void searchChanged(const QString& text);

private:
    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_new;
};

} // namespace juxta
