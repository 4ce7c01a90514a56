// SPDX-License-Identifier: GPL-3.0-or-later
// Turns "profile/model" references into ready Targets for the GUI: profile (configured, or a preset used as an
// implicit one), its key from the environment or the key store (asynchronously), and the model's context window.
#pragma once

#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "routing/Target.h"

#include <functional>

namespace juxta {

// A configured profile, else a preset of that id; checked against the URL policy. nullopt with `error` set.
std::optional<ProviderProfile> findProfile(const AppConfig& config, const QString& id, QString& error);

// The profile a "profile/model" reference names (configured, or a preset) and the model's id; nullopt when it names
// none, with `error` (when given) saying why in words for the user.
struct ProfileModel
{
    ProviderProfile profile;
    QString modelId;
};
std::optional<ProfileModel> profileModelOf(const AppConfig& config, const QString& reference, QString* error = nullptr);

// The reference names a model of a built-in offline provider (echo, scripted): to be labelled "offline".
bool isOfflineModel(const AppConfig& config, const QString& reference);

struct ResolvedTargets
{
    QList<Target> targets; // in the order given, minus those that could not be resolved
    QStringList problems;  // one line per reference that could not be used, in words for the user
};

// Calls `done` once, on the caller's thread, when every key lookup has answered. Never blocks.
void resolveTargets(const AppConfig& config, SecretStore& secrets, const ModelCatalog& catalog,
                    const QStringList& references, QObject* context, std::function<void(const ResolvedTargets&)> done);

} // namespace juxta
