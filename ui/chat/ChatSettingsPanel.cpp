// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ChatSettingsPanel.h"

#include "catalog/ModelPicker.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// A spin box whose lowest value means "not set: the provider's default".
QDoubleSpinBox* optionalDouble(QWidget* parent, double max, double step, const QString& name)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(-step, max);
    box->setSingleStep(step);
    box->setDecimals(2);
    box->setSpecialValueText(ChatSettingsPanel::tr("default"));
    box->setValue(-step);
    box->setAccessibleName(name);
    return box;
}

} // namespace

ChatSettingsPanel::ChatSettingsPanel(AppConfig& config, const ModelCatalog& catalog, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"chatSettingsPanel"_s);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 6, 6, 6);
    auto* heading = new QLabel(tr("Conversation settings"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    outer->addWidget(heading);

    outer->addWidget(new QLabel(tr("System prompt"), this));
    m_system = new QPlainTextEdit(this);
    m_system->setObjectName(u"systemPrompt"_s);
    m_system->setAccessibleName(tr("System prompt"));
    m_system->setPlaceholderText(tr("Optional instructions for every answer"));
    m_system->setTabChangesFocus(true);
    m_system->setMaximumHeight(140);
    outer->addWidget(m_system);

    auto* form = new QFormLayout;
    m_temperature = optionalDouble(this, 2.0, 0.1, tr("Temperature"));
    m_temperature->setObjectName(u"temperature"_s);
    form->addRow(tr("&Temperature"), m_temperature);
    m_topP = optionalDouble(this, 1.0, 0.05, tr("Top p"));
    m_topP->setObjectName(u"topP"_s);
    form->addRow(tr("Top &p"), m_topP);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setObjectName(u"maxTokens"_s);
    m_maxTokens->setRange(0, 10'000'000);
    m_maxTokens->setSpecialValueText(tr("default"));
    m_maxTokens->setAccessibleName(tr("Maximum output tokens"));
    form->addRow(tr("&Max tokens"), m_maxTokens);
    m_seed = new QLineEdit(this);
    m_seed->setObjectName(u"seed"_s);
    m_seed->setPlaceholderText(tr("random"));
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(u"-?\\d{0,15}"_s), m_seed));
    form->addRow(tr("S&eed"), m_seed);
    m_effort = new QComboBox(this);
    m_effort->setObjectName(u"reasoningEffort"_s);
    m_effort->setAccessibleName(tr("Reasoning effort"));
    m_effort->addItem(tr("default"), QString());
    m_effort->addItem(tr("low"), u"low"_s);
    m_effort->addItem(tr("medium"), u"medium"_s);
    m_effort->addItem(tr("high"), u"high"_s);
    m_effort->setToolTip(tr("For reasoning models: OpenAI's reasoning effort, Anthropic's and Gemini's thinking budget"));
    form->addRow(tr("&Reasoning"), m_effort);
    outer->addLayout(form);

    outer->addWidget(new QLabel(tr("Fallback models, tried in order"), this));
    m_fallbacks = new QListWidget(this);
    m_fallbacks->setObjectName(u"fallbackList"_s);
    m_fallbacks->setAccessibleName(tr("Fallback models"));
    m_fallbacks->setDragDropMode(QAbstractItemView::InternalMove);
    m_fallbacks->setMaximumHeight(110);
    outer->addWidget(m_fallbacks);
    auto* buttons = new QHBoxLayout;
    m_addFallback = new ModelPicker(config, catalog, this);
    m_addFallback->setObjectName(u"addFallback"_s);
    m_addFallback->setText(tr("Add fallback…"));
    m_addFallback->setAccessibleName(tr("Add a fallback model"));
    buttons->addWidget(m_addFallback, 1);
    m_removeFallback = new QPushButton(tr("Remove"), this);
    m_removeFallback->setObjectName(u"removeFallback"_s);
    buttons->addWidget(m_removeFallback);
    outer->addLayout(buttons);
    outer->addStretch();

    connect(m_system, &QPlainTextEdit::textChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_seed, &QLineEdit::textChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_effort, &QComboBox::currentIndexChanged, this, &ChatSettingsPanel::emitChanged);
    connect(m_fallbacks->model(), &QAbstractItemModel::rowsMoved, this, &ChatSettingsPanel::emitChanged);
    connect(m_addFallback, &ModelPicker::modelChosen, this, [this](const QString& reference) {
        m_fallbacks->addItem(reference);
        m_addFallback->setText(tr("Add fallback…"));
        emitChanged();
    });
    connect(m_removeFallback, &QPushButton::clicked, this, [this] {
        delete m_fallbacks->currentItem();
        emitChanged();
    });
}

void ChatSettingsPanel::emitChanged()
{
    if (!m_loading)
        emit changed();
}

void ChatSettingsPanel::reloadModels()
{
    m_addFallback->reload();
    m_addFallback->setText(tr("Add fallback…"));
}

void ChatSettingsPanel::setReasoningAvailable(bool available)
{
    m_effort->setEnabled(available);
    m_effort->setToolTip(available ? tr("For reasoning models: OpenAI's reasoning effort, Anthropic's and Gemini's "
                                        "thinking budget")
                                   : tr("This model does not reason, according to the model catalog"));
}

void ChatSettingsPanel::setSettings(const ChatSettings& s)
{
    m_loading = true;
    m_system->setPlainText(s.systemPrompt);
    m_temperature->setValue(s.temperature.value_or(m_temperature->minimum()));
    m_topP->setValue(s.topP.value_or(m_topP->minimum()));
    m_maxTokens->setValue(s.maxTokens.value_or(0));
    m_seed->setText(s.seed ? QString::number(*s.seed) : QString());
    m_effort->setCurrentIndex(qMax(0, m_effort->findData(s.reasoningEffort)));
    m_fallbacks->clear();
    m_fallbacks->addItems(s.fallbacks);
    m_loading = false;
}

ChatSettings ChatSettingsPanel::settings(const QString& model) const
{
    ChatSettings s;
    s.model = model;
    s.systemPrompt = m_system->toPlainText();
    if (m_temperature->value() >= 0)
        s.temperature = m_temperature->value();
    if (m_topP->value() >= 0)
        s.topP = m_topP->value();
    if (m_maxTokens->value() > 0)
        s.maxTokens = m_maxTokens->value();
    bool ok = false;
    const qint64 seed = m_seed->text().toLongLong(&ok);
    if (ok)
        s.seed = seed;
    if (m_effort->isEnabled())
        s.reasoningEffort = m_effort->currentData().toString();
    for (int i = 0; i < m_fallbacks->count(); ++i)
        s.fallbacks.append(m_fallbacks->item(i)->text());
    return s;
}

} // namespace juxta
