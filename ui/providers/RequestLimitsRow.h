// SPDX-License-Identifier: GPL-3.0-or-later
// How hard a batch may use a profile: requests at once, requests per minute and tokens per minute, each "no limit"
// at zero. The values are the profile's RequestLimits; batches enforce them (core/routing/RequestGate).
#pragma once

#include "providers/ProviderProfile.h"

#include <QWidget>

class QSpinBox;

namespace juxta {

class RequestLimitsRow final : public QWidget
{
    Q_OBJECT

public:
    explicit RequestLimitsRow(QWidget* parent = nullptr);

    void setLimits(const RequestLimits& limits);
    RequestLimits limits() const;

    QSpinBox* concurrentField() const { return m_concurrent; }
    QSpinBox* requestsPerMinuteField() const { return m_requestsPerMinute; }
    QSpinBox* tokensPerMinuteField() const { return m_tokensPerMinute; }

signals:
    void edited(); // by the user, not by setLimits

private:
    QSpinBox* m_concurrent;
    QSpinBox* m_requestsPerMinute;
    QSpinBox* m_tokensPerMinute;
    bool m_loading = false;
};

} // namespace juxta
