// SPDX-License-Identifier: GPL-3.0-or-later
// "Ollama is running on 127.0.0.1:11434 with 3 models. [Add Ollama]": local servers found and not yet configured.
#pragma once

#include "config/LocalServerDetector.h"

#include <QWidget>

class QVBoxLayout;

namespace juxta {

class DetectedServersBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit DetectedServersBanner(QWidget* parent = nullptr);

    // Shows one row per server that no profile in `configured` points at yet; hidden when there is none.
    void showServers(const QList<DetectedServer>& servers, const QList<ProviderProfile>& configured);

signals:
    void addRequested(const juxta::ProviderProfile& profile);

private:
    QVBoxLayout* m_layout;
};

} // namespace juxta
