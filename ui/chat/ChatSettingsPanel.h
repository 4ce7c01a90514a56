// SPDX-License-Identifier: GPL-3.0-or-later
// The collapsible panel beside the chat: system prompt, sampling parameters, reasoning effort and fallback models
// of the current conversation. The model itself is the shared picker in the window's toolbar.
#pragma once

#include "answer/ChatSettings.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace juxta {

struct AppConfig;
class ModelCatalog;
class ModelPicker;

class ChatSettingsPanel final : public QWidget
{
    Q_OBJECT

public:
    ChatSettingsPanel(AppConfig& config, const ModelCatalog& catalog, QWidget* parent = nullptr);

    // Everything but the model, which the toolbar's picker owns.
    void setSettings(const ChatSettings& settings);
    ChatSettings settings(const QString& model) const;
    void reloadModels();
    // Reasoning effort only where the model reasons (or the catalog does not know): it is not sent otherwise.
    void setReasoningAvailable(bool available);
    QPlainTextEdit* systemPromptEdit() const { return m_system; }

signals:
    void changed();

private:
    void emitChanged();

    QPlainTextEdit* m_system;
    QDoubleSpinBox* m_temperature;
    QDoubleSpinBox* m_topP;
    QSpinBox* m_maxTokens;
    QLineEdit* m_seed;
    QComboBox* m_effort;
    QListWidget* m_fallbacks;
    ModelPicker* m_addFallback;
    QPushButton* m_removeFallback;
    bool m_loading = false;
};

} // namespace juxta
