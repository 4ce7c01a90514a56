// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyResolver.h"

#include "config/AppConfig.h"
#include "config/ProviderPresets.h"
#include "config/TransportPolicy.h"
#include "keys/SecretHeaders.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace juxta {

namespace {

// Where a preset's well-known key variables may be used: its own host; any Azure OpenAI resource; for servers
// people run themselves (LiteLLM, vLLM, Ollama, …) this machine and the private network.
bool presetCovers(const ProviderPreset& preset, const QUrl& url)
{
    const QString host = url.host().toLower();
    if (preset.id == u"azure"_s)
        return host.endsWith(u".openai.azure.com"_s) || host.endsWith(u".cognitiveservices.azure.com"_s);
    if (preset.selfHosted || preset.id == u"litellm"_s)
        return isLocalOrPrivateHost(host);
    return !host.isEmpty() && QUrl(preset.baseUrl).host().toLower() == host;
}

} // namespace

QStringList keyEnvironmentVariables(const ProviderProfile& profile, const QString& explicitVariable)
{
    if (!explicitVariable.isEmpty())
        return {explicitVariable}; // an explicit choice is the only one consulted
    // A variable any preset knows (OPENAI_API_KEY, …) is only used where that preset's server is: a key for
    // api.openai.com never goes to a custom or imported URL. A variable only the user's own profile names
    // applies to that profile (imported profiles never carry one; see importProfiles).
    QStringList candidates{profile.keyEnvVar};
    if (const ProviderPreset* own = findPreset(profile.presetId))
        candidates += own->keyEnvVars;
    QStringList names;
    for (const QString& name : std::as_const(candidates)) {
        if (name.isEmpty() || names.contains(name))
            continue;
        bool known = false;
        bool covered = false;
        for (const ProviderPreset& preset : providerPresets()) {
            if (preset.keyEnvVars.contains(name)) {
                known = true;
                covered = covered || presetCovers(preset, profile.baseUrl);
            }
        }
        if (!known || covered)
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

namespace {

void resolveKeyOnly(SecretStore& store, const ProviderProfile& profile, const QString& explicitVariable,
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
    store.read(keyEntryName(profile), [done = std::move(done), source](const SecretResult& r) {
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

} // namespace

void resolveKey(SecretStore& store, const ProviderProfile& profile, const QString& explicitVariable,
                std::function<void(const ResolvedKey&)> done)
{
    if (profile.secretHeaders.isEmpty()) {
        resolveKeyOnly(store, profile, explicitVariable, std::move(done));
        return;
    }
    // The key first, then the profile's credential headers from the keychain: both travel in the ApiKey.
    QPointer<SecretStore> guard(&store);
    resolveKeyOnly(store, profile, explicitVariable, [guard, profile, done = std::move(done)](const ResolvedKey& key) {
        if (!guard) {
            done(key);
            return;
        }
        readSecretHeaders(*guard, profile, [key, done](const SecretHeaderValues& values, const QString& problem) {
            ResolvedKey withHeaders = key;
            withHeaders.key = key.key.withHeaders(values);
            if (!problem.isEmpty() && withHeaders.problem.isEmpty())
                withHeaders.problem = problem;
            done(withHeaders);
        });
    });
}

std::unique_ptr<SecretStore> createSecretStore(const AppConfig& config, QObject* parent)
{
    if (config.insecureKeyStorage)
        return std::make_unique<InsecureFileSecretStore>(InsecureFileSecretStore::defaultPath(), parent);
    return std::make_unique<KeychainSecretStore>(parent);
}

} // namespace juxta
