// SPDX-License-Identifier: GPL-3.0-or-later
// The one model picker used by chat, compare and pipeline nodes: a button showing the current model that opens
// a searchable list grouped by provider, with context window, price and capability badges, favourites and
// recently used models on top. Typing "profile/model-id" offers models no list names.
#pragma once

#include "config/AppConfig.h"

#include <QFrame>
#include <QPointer>
#include <QPushButton>

class QLabel;
class QLineEdit;
class QListView;

namespace juxta {

class ModelCatalog;
class ModelEntryDelegate;
class ModelListModel;

// The popup: search field over the list. Public so tests and other widgets can embed it.
class ModelPickerPopup final : public QFrame
{
    Q_OBJECT

public:
    ModelPickerPopup(AppConfig& config, const ModelCatalog& catalog, QWidget* parent = nullptr);

    void reload();
    void setCurrent(const QString& reference);
    QLineEdit* searchField() const { return m_search; }
    QListView* list() const { return m_list; }
    ModelListModel* model() const { return m_model; }

signals:
    void picked(const QString& reference);
    void favouritesChanged();
    void refreshRequested(); // fetch every profile's model list again

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void moveSelection(int step);
    void pickCurrent();
    void toggleFavourite(const QString& reference);

    AppConfig& m_config;
    ModelListModel* m_model;
    ModelEntryDelegate* m_delegate;
    QLineEdit* m_search;
    QListView* m_list;
    QLabel* m_footer;
};

class ModelPicker final : public QPushButton
{
    Q_OBJECT

public:
    ModelPicker(AppConfig& config, const ModelCatalog& catalog, QWidget* parent = nullptr);

    QString currentModel() const { return m_current; }
    void setCurrentModel(const QString& reference);
    void choose(const QString& reference); // as if the user picked it: sets it and emits modelChosen
    void reload(); // the catalog, profiles or favourites changed
    ModelPickerPopup* popup() const { return m_popup; }
    void showPopup();

protected:
    void paintEvent(QPaintEvent* event) override; // drawn as the platform's combo box: text left, arrow right

signals:
    void modelChosen(const QString& reference);
    void favouritesChanged();
    void refreshRequested();

private:
    void updateLabel();

    AppConfig& m_config;
    const ModelCatalog& m_catalog;
    QString m_current;
    ModelPickerPopup* m_popup;
};

} // namespace juxta
