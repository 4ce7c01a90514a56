// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyResolver.h"

#include "config/AppConfig.h"
#include "config/ProviderPresets.h"

using namespace Qt::StringLiterals;

namespace juxta {

QStringList keyEnvironmentVariables(const ProviderProfile& profile, const QString& explicitVariable)
{
    if (!explicitVariable.isEmpty())
        return {explicitVariable}; // an explicit choice is the only one consulted
    // A preset's well-known variables only apply at the preset's own host: a key meant for api.openai.com must
    // not go to a custom URL that a profile made from the OpenAI preset was pointed at. A variable the user
    // named themselves always applies.
    const ProviderPreset* preset = findPreset(profile.presetId);
    const bool atPresetHost = preset && QUrl(preset->baseUrl).host() == profile.baseUrl.host();
    QStringList candidates{profile.keyEnvVar};
    if (preset)
        candidates += preset->keyEnvVars;
    QStringList names;
    for (const QString& name : std::as_const(candidates)) {
        const bool wellKnown = preset && preset->keyEnvVars.contains(name);
        if (!name.isEmpty() && !names.contains(name) && (atPresetHost || !wellKnown))
            names.append(name);
    }
    return names;
}

std::optional<ResolvedKey> keyFromEnvironment(const ProviderProfile& profile, const QString& explicitVariable)
{
    for (const QString& name : keyEnvironmentVariables(profile, explicitVariable)) {
        const QString value = qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
        if (!value.isEmpty())
            return ResolvedKey{ApiKey::fromSecret(value), u"environment variable "_s + name, {}};
    }
    return std::nullopt;
}

void resolveKey(SecretStore& store, const ProviderProfile& profile, const QString& explicitVariable,
                std::function<void(const ResolvedKey&)> done)
{
    if (auto fromEnv = keyFromEnvironment(profile, explicitVariable)) {
        done(*fromEnv);
        return;
    }
    if (!explicitVariable.isEmpty()) {
        done({{}, {}, u"the environment variable %1 is not set or empty"_s.arg(explicitVariable)});
        return;
    }
    if (profile.auth == AuthStyle::None) {
        done({});
        return;
    }
    const QString source = store.description();
    store.read(profile.id, [done = std::move(done), source](const SecretResult& r) {
        switch (r.status) {
        case SecretResult::Status::Ok:
            done({r.key, source, {}});
            return;
        case SecretResult::Status::NotFound:
            done({});
            return;
        default:
            done({{}, {}, r.message});
            return;
        }
    });
}

std::unique_ptr<SecretStore> createSecretStore(const AppConfig& config, QObject* parent)
{
    if (config.insecureKeyStorage)
        return std::make_unique<InsecureFileSecretStore>(InsecureFileSecretStore::defaultPath(), parent);
    return std::make_unique<KeychainSecretStore>(parent);
}

} // namespace juxta
