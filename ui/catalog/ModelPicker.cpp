// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/ModelPicker.h"

#include "catalog/ModelEntryDelegate.h"
#include "catalog/ModelListModel.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>
#include <QHBoxLayout>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

ModelPickerPopup::ModelPickerPopup(AppConfig& config, const ModelCatalog& catalog, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_config(config)
    , m_model(new ModelListModel(config, catalog, this))
    , m_delegate(new ModelEntryDelegate(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_footer(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Model picker"));
    m_search->setPlaceholderText(tr("Search models — e.g. “sonnet”, “vision”, “free”, or profile/model-id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search models"));
    m_search->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(false);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Models"));
    m_footer->setText(tr("↑↓ move · Enter choose · click ☆ to keep a model on top · Ctrl+R refresh · Esc close"));
    auto* refresh = new QToolButton(this);
    refresh->setText(tr("Refresh lists"));
    refresh->setToolTip(tr("Ask every provider for its current models and prices (Ctrl+R)"));
    refresh->setAutoRaise(true);
    connect(refresh, &QToolButton::clicked, this, &ModelPickerPopup::refreshRequested);
    QFont small = m_footer->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_footer->setFont(small);
    m_footer->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 6);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_footer, 1);
    footer->addWidget(refresh);
    layout->addLayout(footer);
    resize(600, 480);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setFilter(text);
        const int first = m_model->firstSelectableRow();
        if (first >= 0)
            m_list->setCurrentIndex(m_model->index(first));
        m_list->scrollToTop(); // the section header above the first match stays in view
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (m_delegate->takeStarClick())
            return;
        if (index.flags() & Qt::ItemIsSelectable) {
            m_list->setCurrentIndex(index);
            pickCurrent();
        }
    });
    connect(m_delegate, &ModelEntryDelegate::favouriteToggled, this, &ModelPickerPopup::toggleFavourite);
}

void ModelPickerPopup::reload()
{
    const QString current = m_list->currentIndex().data(ModelListModel::ReferenceRole).toString();
    m_model->reload();
    setCurrent(current);
}

void ModelPickerPopup::setCurrent(const QString& reference)
{
    int row = m_model->rowOf(reference);
    if (row < 0)
        row = m_model->firstSelectableRow();
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row), QAbstractItemView::PositionAtCenter);
    }
}

bool ModelPickerPopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_PageDown:
            moveSelection(8);
            return true;
        case Qt::Key_PageUp:
            moveSelection(-8);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            pickCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        case Qt::Key_R:
            if (key->modifiers() & Qt::ControlModifier) {
                emit refreshRequested();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void ModelPickerPopup::moveSelection(int step)
{
    int row = m_list->currentIndex().row();
    const int direction = step > 0 ? 1 : -1;
    for (int moved = 0; moved < std::abs(step); ++moved) {
        const int next = m_model->nextSelectableRow(row, direction);
        if (next < 0)
            break;
        row = next;
    }
    if (row >= 0 && (m_model->flags(m_model->index(row)) & Qt::ItemIsSelectable)) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    } else if (const int first = m_model->firstSelectableRow(); first >= 0) {
        m_list->setCurrentIndex(m_model->index(first));
    }
}

void ModelPickerPopup::pickCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid() || !(index.flags() & Qt::ItemIsSelectable))
        return;
    const QString reference = index.data(ModelListModel::ReferenceRole).toString();
    m_config.noteRecentModel(reference);
    hide();
    emit picked(reference);
}

void ModelPickerPopup::toggleFavourite(const QString& reference)
{
    if (m_config.favouriteModels.contains(reference))
        m_config.favouriteModels.removeAll(reference);
    else
        m_config.favouriteModels.append(reference);
    reload();
    setCurrent(reference);
    emit favouritesChanged();
}

ModelPicker::ModelPicker(AppConfig& config, const ModelCatalog& catalog, QWidget* parent)
    : QPushButton(parent)
    , m_config(config)
    , m_catalog(catalog)
    , m_popup(new ModelPickerPopup(config, catalog, this))
{
    setAccessibleName(tr("Model"));
    setToolTip(tr("Choose the model (Ctrl+M)"));
    setShortcut(QKeySequence(tr("Ctrl+M")));
    setMinimumWidth(260);
    updateLabel();
    connect(this, &QPushButton::clicked, this, &ModelPicker::showPopup);
    connect(m_popup, &ModelPickerPopup::picked, this, [this](const QString& reference) {
        choose(reference);
    });
    connect(m_popup, &ModelPickerPopup::favouritesChanged, this, &ModelPicker::favouritesChanged);
    connect(m_popup, &ModelPickerPopup::refreshRequested, this, &ModelPicker::refreshRequested);
}

void ModelPicker::choose(const QString& reference)
{
    setCurrentModel(reference);
    emit modelChosen(reference);
}

void ModelPicker::setCurrentModel(const QString& reference)
{
    m_current = reference;
    updateLabel();
}

void ModelPicker::reload()
{
    m_popup->reload();
    updateLabel();
}

void ModelPicker::showPopup()
{
    m_popup->searchField()->clear();
    m_popup->reload();
    m_popup->setCurrent(m_current);
    QPoint below = mapToGlobal(QPoint(0, height() + 2));
    if (const QScreen* screen = this->screen()) {
        const QRect area = screen->availableGeometry();
        below.setX(std::clamp(below.x(), area.left(), std::max(area.left(), area.right() - m_popup->width())));
        if (below.y() + m_popup->height() > area.bottom())
            below.setY(std::max(area.top(), mapToGlobal(QPoint(0, 0)).y() - m_popup->height() - 2));
    }
    m_popup->move(below);
    m_popup->show();
    m_popup->searchField()->setFocus(Qt::PopupFocusReason);
}

void ModelPicker::paintEvent(QPaintEvent*)
{
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    option.initFrom(this);
    option.editable = false;
    option.frame = true;
    option.currentText = text();
    if (isDown() || m_popup->isVisible())
        option.state |= QStyle::State_On | QStyle::State_Sunken;
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

void ModelPicker::updateLabel()
{
    if (m_current.isEmpty()) {
        setText(tr("Choose a model…"));
        return;
    }
    const auto ref = ModelRef::parse(m_current);
    const ProviderProfile* profile = ref ? m_config.profile(ref->profileId) : nullptr;
    if (!profile) {
        setText(m_current);
        return;
    }
    const CatalogEntry e = m_catalog.entry(*profile, ref->modelId);
    setText(u"%1  ·  %2"_s.arg(e.displayName, profile->displayName));
}

} // namespace juxta
