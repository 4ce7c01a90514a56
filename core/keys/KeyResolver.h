// SPDX-License-Identifier: GPL-3.0-or-later
// Finds the key for a profile. Environment first (an explicit --api-key-env, then the profile's variable, then
// the preset's well-known ones such as OPENAI_API_KEY), as with most command-line tools: the per-invocation
// setting wins over the stored one. Then the secret store. A profile's key is only ever attached to requests
// built from that same profile.
#pragma once

#include "keys/SecretStore.h"
#include "providers/ProviderProfile.h"

#include <QStringList>
#include <memory>

namespace juxta {

struct AppConfig;

struct ResolvedKey
{
    ApiKey key;
    QString source;  // "environment variable OPENAI_API_KEY", "system keychain", or empty when none
    QString problem; // why there is none, when the store failed (not merely "no key stored")
};

// The environment variables consulted for a profile, in order.
QStringList keyEnvironmentVariables(const ProviderProfile& profile, const QString& explicitVariable = {});
std::optional<ResolvedKey> keyFromEnvironment(const ProviderProfile& profile, const QString& explicitVariable = {});

// Calls `done` once with the key (possibly empty: local servers need none).
void resolveKey(SecretStore& store, const ProviderProfile& profile, const QString& explicitVariable,
                std::function<void(const ResolvedKey&)> done);

// The store the configuration asks for: the system keychain, or the plain file when the user opted in.
std::unique_ptr<SecretStore> createSecretStore(const AppConfig& config, QObject* parent = nullptr);

} // namespace juxta
