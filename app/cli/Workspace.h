// SPDX-License-Identifier: GPL-3.0-or-later
// What a headless command knows about the user's setup: the config file (or --config FILE), the key store, and
// the model catalog with the cached model lists. Turns "profile/model" into a ready Target.
#pragma once

#include "catalog/DiscoveryCache.h"
#include "catalog/ModelCatalog.h"
#include "config/ConfigStore.h"
#include "keys/KeyResolver.h"
#include "routing/Target.h"

#include <memory>

namespace juxta::cli {

class Workspace
{
public:
    // Loads the config; a damaged file is reported on stderr (with its backup) and the command goes on with
    // presets only, as the GUI does.
    Workspace(const QString& command, const QString& configPath);

    ConfigStore& store() { return m_store; }
    const AppConfig& config() const { return m_store.config(); }
    SecretStore& secrets() { return *m_secrets; }
    ModelCatalog& catalog() { return m_catalog; }
    DiscoveryCache& cache() { return m_cache; }

    // A configured profile, else a preset used as an implicit profile ("openai/gpt-4o" works with just
    // OPENAI_API_KEY set). Checks the profile's URL policy.
    std::optional<ProviderProfile> profile(const QString& id, QString& error) const;
    // Resolves profile, key (environment first, then the key store) and known context window.
    std::optional<Target> target(const QString& reference, const QString& explicitKeyVariable, QString& error);
    ResolvedKey keyFor(const ProviderProfile& profile, const QString& explicitKeyVariable);

    CatalogEntry entryFor(const Target& target) const { return m_catalog.entry(target.profile, target.model); }

    // Runs `profile`'s model list to completion (a local event loop: command line only). With `remember` the list
    // goes into the cache and the catalog; a bare --base-url server is not a profile and is not remembered.
    std::optional<ProviderError> fetchModels(const ProviderProfile& profile, const ApiKey& key, const CallOptions& options,
                                             bool remember, QList<ModelInfo>& models);

private:
    QString m_command;
    ConfigStore m_store;
    std::unique_ptr<SecretStore> m_secrets;
    DiscoveryCache m_cache;
    ModelCatalog m_catalog;
};

} // namespace juxta::cli
