// SPDX-License-Identifier: GPL-3.0-or-later
// The row above a comparison: its models as chips (each with its own settings, duplicate and remove), "Add
// model" with the shared picker, saved model sets (kept across restarts), repeats, blind mode and synchronized
// scrolling.
#pragma once

#include "compare/CompareSetup.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QSpinBox;
class QToolButton;

namespace juxta {

struct AppConfig;
class ModelCatalog;
class ModelPickerPopup;

class CompareSetupBar final : public QWidget
{
    Q_OBJECT

public:
    CompareSetupBar(AppConfig& config, const ModelCatalog& catalog, QWidget* parent = nullptr);

    void setSetup(const CompareSetup& setup); // the columns, repeat and blind (shared settings are not shown here)
    QList<CompareColumnSetup> columns() const { return m_columns; }
    int repeat() const;
    bool concurrentRepeats() const;
    bool blind() const;
    bool syncScroll() const;
    void addModel(const QString& reference);
    void removeColumn(int index);
    void setLocked(bool locked); // while a run streams the models cannot change

    // Saved sets: name → the columns. Read from QSettings ("compare/sets") once; every change is handed out
    // through setsChanged() for the page to write off the UI thread.
    void saveSet(const QString& name);
    bool loadSet(const QString& name);
    void deleteSet(const QString& name);
    QStringList setNames() const;

    QToolButton* addButton() const { return m_add; }
    ModelPickerPopup* picker() const { return m_picker; }

signals:
    void columnsChanged();
    void optionsChanged();
    void syncScrollToggled(bool on);
    void setsChanged(const QByteArray& json); // every saved set, for QSettings under ComparisonHistory::kModelSetsKey

private:
    void rebuildChips();
    void editColumn(int index);
    void showSetsMenu();

    AppConfig& m_config;
    const ModelCatalog& m_catalog;
    QList<CompareColumnSetup> m_columns;
    QHBoxLayout* m_chips;
    QToolButton* m_add;
    QToolButton* m_sets;
    QSpinBox* m_repeat;
    QCheckBox* m_concurrent;
    QCheckBox* m_blind;
    QCheckBox* m_sync;
    ModelPickerPopup* m_picker;
    QJsonObject m_savedSets; // name → columns
    bool m_locked = false;
};

} // namespace juxta
