// SPDX-License-Identifier: GPL-3.0-or-later
// "Try it offline": the ready-made comparison a new user sees without a key or a network. Three models of the demo
// script at different speeds (swift, steady and, in the third column, flaky falling back to slow: rate-limited,
// retried after its Retry-After, cut mid-answer, then served by the fallback), and the profiles they need.
#pragma once

#include "compare/CompareSetup.h"
#include "config/AppConfig.h"

namespace juxta {

struct OfflineDemo
{
    QList<ProviderProfile> profilesToAdd; // the echo and demo-script profiles the config lacks
    CompareSetup setup;
    QString prompt;
};

// Reuses profiles already configured for the same offline provider; new ones get ids nobody uses yet.
OfflineDemo offlineDemo(const AppConfig& config);

} // namespace juxta
