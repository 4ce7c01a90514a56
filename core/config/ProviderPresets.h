// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in provider presets: where each provider lives, which API it speaks, how its key travels.
#pragma once

#include "providers/ProviderProfile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace juxta {

struct ProviderPreset
{
    QString id;              // also the default profile id: "openai", "openrouter", "ollama"
    QString displayName;
    ApiDialect dialect = ApiDialect::OpenAi;
    QString baseUrl;
    AuthStyle auth = AuthStyle::Bearer;
    QByteArray authHeader;   // when auth == Header
    QStringList keyEnvVars;  // headless keys, first one set wins
    bool needsKey = true;    // false: local servers and proxies that run open
    int localPort = 0;       // servers on 127.0.0.1 that are detected and offered
    bool selfHosted = false; // runs models on the user's own hardware: no per-token price
    QString catalogKey;      // which bundled catalog entries apply ("gemini" for both Gemini presets)
    QString openRouterVendor; // OpenRouter's name for the vendor, to reuse its figures ("mistralai")
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    QString setupHint;       // what the user must fill in (Azure's resource and deployment)
};

const QList<ProviderPreset>& providerPresets();
const ProviderPreset* findPreset(const QString& id);

// A new profile from a preset, with the preset's id unless `id` is given.
ProviderProfile profileFromPreset(const ProviderPreset& preset, const QString& id = {});

} // namespace juxta
