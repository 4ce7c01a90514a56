// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareSetupBar.h"

#include "compare/ComparisonHistory.h"

#include "catalog/ModelPicker.h"
#include "chat/ChatSettingsPanel.h"
#include "answer/TargetResolver.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

CompareSetupBar::CompareSetupBar(AppConfig& config, const ModelCatalog& catalog, QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_catalog(catalog)
    , m_chips(new QHBoxLayout)
    , m_add(new QToolButton(this))
    , m_sets(new QToolButton(this))
    , m_repeat(new QSpinBox(this))
    , m_concurrent(new QCheckBox(tr("at once"), this))
    , m_blind(new QCheckBox(tr("Blind"), this))
    , m_sync(new QCheckBox(tr("Scroll together"), this))
    , m_picker(new ModelPickerPopup(config, catalog, this))
    , m_savedSets(QJsonDocument::fromJson(QSettings().value(QLatin1StringView(ComparisonHistory::kModelSetsKey)).toByteArray()).object())
{
    setObjectName(u"compareSetupBar"_s);
    m_add->setText(tr("+ Add model"));
    m_add->setToolTip(tr("Add a column (2 to 8 models; the same model twice with different settings is fine)"));
    m_add->setAccessibleName(tr("Add model"));
    m_sets->setText(tr("Sets"));
    m_sets->setToolTip(tr("Save these models as a set, or load a saved set"));
    m_sets->setPopupMode(QToolButton::InstantPopup);
    m_repeat->setRange(1, 50);
    m_repeat->setPrefix(tr("× "));
    m_repeat->setToolTip(tr("Runs per model, for latency statistics (median, p95, spread)"));
    m_repeat->setAccessibleName(tr("Runs per model"));
    m_concurrent->setToolTip(tr("Send a model's repeated runs at the same time instead of one after another"));
    m_blind->setToolTip(tr("Hide and shuffle the model names until you vote for the best answer"));
    m_sync->setToolTip(tr("Scroll all columns together"));
    m_sync->setChecked(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(m_chips);
    layout->addWidget(m_add);
    layout->addStretch(1);
    layout->addWidget(m_sets);
    layout->addWidget(new QLabel(tr("Runs"), this));
    layout->addWidget(m_repeat);
    layout->addWidget(m_concurrent);
    layout->addWidget(m_blind);
    layout->addWidget(m_sync);

    connect(m_add, &QToolButton::clicked, this, [this] {
        m_picker->searchField()->clear();
        m_picker->reload();
        QPoint below = m_add->mapToGlobal(QPoint(0, m_add->height() + 2));
        if (const QScreen* screen = m_add->screen()) {
            const QRect area = screen->availableGeometry();
            below.setX(std::clamp(below.x(), area.left(), std::max(area.left(), area.right() - m_picker->width())));
        }
        m_picker->move(below);
        m_picker->show();
        m_picker->searchField()->setFocus(Qt::PopupFocusReason);
    });
    connect(m_picker, &ModelPickerPopup::picked, this, &CompareSetupBar::addModel);
    connect(m_sets, &QToolButton::pressed, this, &CompareSetupBar::showSetsMenu);
    connect(m_repeat, &QSpinBox::valueChanged, this, [this] {
        m_concurrent->setEnabled(m_repeat->value() > 1);
        emit optionsChanged();
    });
    connect(m_concurrent, &QCheckBox::toggled, this, &CompareSetupBar::optionsChanged);
    connect(m_blind, &QCheckBox::toggled, this, &CompareSetupBar::optionsChanged);
    connect(m_sync, &QCheckBox::toggled, this, &CompareSetupBar::syncScrollToggled);
    m_concurrent->setEnabled(false);
    rebuildChips();
}

void CompareSetupBar::setSetup(const CompareSetup& setup)
{
    m_columns = setup.columns;
    const QSignalBlocker blockRepeat(m_repeat);
    const QSignalBlocker blockConcurrent(m_concurrent);
    const QSignalBlocker blockBlind(m_blind);
    m_repeat->setValue(setup.repeat);
    m_concurrent->setChecked(setup.concurrentRepeats);
    m_concurrent->setEnabled(setup.repeat > 1);
    m_blind->setChecked(setup.blind);
    rebuildChips();
}

int CompareSetupBar::repeat() const { return m_repeat->value(); }
bool CompareSetupBar::concurrentRepeats() const { return m_concurrent->isChecked(); }
bool CompareSetupBar::blind() const { return m_blind->isChecked(); }
bool CompareSetupBar::syncScroll() const { return m_sync->isChecked(); }

void CompareSetupBar::addModel(const QString& reference)
{
    if (reference.isEmpty() || m_columns.size() >= CompareSetup::kMaxColumns)
        return;
    CompareColumnSetup column;
    column.overrides.model = reference;
    m_columns.append(column);
    m_config.noteRecentModel(reference);
    rebuildChips();
    emit columnsChanged();
}

void CompareSetupBar::removeColumn(int index)
{
    if (index < 0 || index >= m_columns.size())
        return;
    m_columns.removeAt(index);
    rebuildChips();
    emit columnsChanged();
}

void CompareSetupBar::setLocked(bool locked)
{
    m_locked = locked;
    rebuildChips();
}

void CompareSetupBar::rebuildChips()
{
    while (QLayoutItem* item = m_chips->takeAt(0)) {
        // Later: this may run inside the chip's own menu (Remove, Duplicate).
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    CompareSetup labels;
    labels.columns = m_columns;
    for (int i = 0; i < m_columns.size(); ++i) {
        auto* chip = new QToolButton(this);
        chip->setObjectName(u"modelChip"_s);
        chip->setText(isOfflineModel(m_config, m_columns.at(i).overrides.model)
                          ? tr("%1 · offline").arg(labels.columnLabel(i)) : labels.columnLabel(i));
        chip->setToolTip(tr("Settings, duplicate or remove this column"));
        chip->setPopupMode(QToolButton::InstantPopup);
        chip->setEnabled(!m_locked);
        auto* menu = new QMenu(chip);
        menu->addAction(tr("Settings for this column…"), this, [this, i] { editColumn(i); });
        menu->addAction(tr("Duplicate"), this, [this, i] {
            if (m_columns.size() >= CompareSetup::kMaxColumns)
                return;
            m_columns.insert(i + 1, m_columns.at(i));
            rebuildChips();
            emit columnsChanged();
        });
        menu->addAction(tr("Remove"), this, [this, i] { removeColumn(i); });
        chip->setMenu(menu);
        m_chips->addWidget(chip);
    }
    m_add->setEnabled(!m_locked && m_columns.size() < CompareSetup::kMaxColumns);
}

void CompareSetupBar::editColumn(int index)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Settings for %1").arg(m_columns.at(index).overrides.model));
    auto* panel = new ChatSettingsPanel(m_config, m_catalog, &dialog);
    panel->setSettings(m_columns.at(index).overrides);
    auto* note = new QLabel(tr("Values set here replace the shared settings for this column only. Leave a field "
                               "empty to use the shared value."), &dialog);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(note);
    layout->addWidget(panel, 1);
    layout->addWidget(buttons);
    const CompareColumnSetup before = m_columns.at(index);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (index >= m_columns.size() || !(m_columns.at(index) == before))
        return; // the columns changed while the dialog was open (a saved set loaded, a comparison opened)
    m_columns[index].overrides = panel->settings(before.overrides.model);
    rebuildChips();
    emit columnsChanged();
}

void CompareSetupBar::saveSet(const QString& name)
{
    CompareSetup setup;
    setup.columns = m_columns;
    m_savedSets.insert(name, QJsonDocument::fromJson(setup.toJson()).object().value(u"columns"_s));
    emit setsChanged(QJsonDocument(m_savedSets).toJson(QJsonDocument::Compact));
}

void CompareSetupBar::deleteSet(const QString& name)
{
    m_savedSets.remove(name);
    emit setsChanged(QJsonDocument(m_savedSets).toJson(QJsonDocument::Compact));
}

bool CompareSetupBar::loadSet(const QString& name)
{
    if (!m_savedSets.contains(name))
        return false;
    const QJsonObject wrapper{{u"columns"_s, m_savedSets.value(name)}};
    m_columns = CompareSetup::fromJson(QJsonDocument(wrapper).toJson()).columns;
    rebuildChips();
    emit columnsChanged();
    return true;
}

QStringList CompareSetupBar::setNames() const
{
    QStringList names = m_savedSets.keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

void CompareSetupBar::showSetsMenu()
{
    QMenu menu(this);
    QAction* save = menu.addAction(tr("Save these models as a set…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save model set"), tr("Name"), QLineEdit::Normal, {}, &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveSet(name);
    });
    save->setEnabled(!m_columns.isEmpty());
    const QStringList names = setNames();
    if (!names.isEmpty()) {
        menu.addSection(tr("Load"));
        for (const QString& name : names) {
            QAction* load = menu.addAction(name, this, [this, name] { loadSet(name); });
            load->setEnabled(!m_locked);
        }
        QMenu* remove = menu.addMenu(tr("Delete a set"));
        for (const QString& name : names) {
            remove->addAction(name, this, [this, name] { deleteSet(name); });
        }
    }
    m_sets->setDown(false);
    menu.exec(m_sets->mapToGlobal(QPoint(0, m_sets->height())));
}

} // namespace juxta
