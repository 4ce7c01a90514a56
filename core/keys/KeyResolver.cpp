// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyResolver.h"

#include "config/AppConfig.h"
#include "config/ProviderPresets.h"

using namespace Qt::StringLiterals;

namespace juxta {

QStringList keyEnvironmentVariables(const ProviderProfile& profile, const QString& explicitVariable)
{
    QStringList names;
    if (!explicitVariable.isEmpty())
        return {explicitVariable}; // an explicit choice is the only one consulted
    if (!profile.keyEnvVar.isEmpty())
        names.append(profile.keyEnvVar);
    // The preset's well-known variables only apply to the preset's own host: a key for api.openai.com must not
    // go to a custom URL that a profile made from the OpenAI preset was pointed at.
    if (const ProviderPreset* preset = findPreset(profile.presetId);
        preset && QUrl(preset->baseUrl).host() == profile.baseUrl.host()) {
        for (const QString& name : preset->keyEnvVars) {
            if (!names.contains(name))
                names.append(name);
        }
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
