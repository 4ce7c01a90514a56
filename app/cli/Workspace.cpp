// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Workspace.h"

#include "answer/TargetResolver.h"

#include "cli/CommandLine.h"
#include "common/MonotonicClock.h"
#include "config/ProviderPresets.h"
#include "keys/SecretHeaders.h"
#include "offline/OfflineNetwork.h"
#include "providers/ChatClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace juxta::cli {

Workspace::Workspace(const QString& command, const QString& configPath)
    : m_command(command)
    , m_store(configPath.isEmpty() ? ConfigStore::defaultPath() : configPath)
    , m_catalog(m_store.config())
{
    const ConfigStore::LoadReport report = m_store.load();
    if (!report.ok)
        printError(m_command, report.error);
    m_secrets = createSecretStore(m_store.config());
    if (!m_store.config().secretHeadersToMove.isEmpty()) {
        // Credential headers in the file go to the keychain before anything uses the profile.
        QEventLoop loop;
        bool waiting = true;
        moveSecretHeaders(m_store, *m_secrets, [&](const QStringList& problems) {
            for (const QString& problem : problems)
                printError(m_command, problem);
            waiting = false;
            loop.quit();
        });
        if (waiting)
            loop.exec();
    }
    m_catalog.loadCachedLists(m_cache);
}

std::optional<ProviderError> Workspace::fetchModels(const ProviderProfile& profile, const ApiKey& key,
                                                   const CallOptions& options, bool remember, QList<ModelInfo>& models)
{
    OfflineNetworkAccessManager network;
    SteadyClock clock;
    ChatClient client(network, clock);
    QString why;
    std::unique_ptr<ModelListCall> call(client.listModels(profile, key, options, nullptr, &why));
    if (!call) {
        ProviderError e;
        e.errorClass = ErrorClass::BadRequest;
        e.message = why;
        return e;
    }
    QEventLoop loop;
    QObject::connect(call.get(), &ModelListCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    models = call->models();
    if (call->error())
        return call->error();
    if (remember) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_cache.store(profile, models, now);
        m_catalog.setListed(profile, models, now);
    }
    return std::nullopt;
}

std::optional<ProviderProfile> Workspace::profile(const QString& id, QString& error) const
{
    return findProfile(config(), id, error);
}

ResolvedKey Workspace::keyFor(const ProviderProfile& profile, const QString& explicitKeyVariable)
{
    ResolvedKey out;
    waitFor([&](SecretStore::Handler done) {
        resolveKey(*m_secrets, profile, explicitKeyVariable, [&out, done](const ResolvedKey& r) {
            out = r;
            done({});
        });
    });
    return out;
}

std::optional<Target> Workspace::target(const QString& reference, const QString& explicitKeyVariable, QString& error)
{
    const auto ref = ModelRef::parse(reference);
    if (!ref) {
        error = u"\"%1\" is not a model reference: use profile/model, e.g. openai/gpt-4o (or give --base-url)"_s.arg(
            reference);
        return std::nullopt;
    }
    const auto found = profile(ref->profileId, error);
    if (!found)
        return std::nullopt;
    Target t;
    t.profile = *found;
    t.model = ref->modelId;
    const ResolvedKey key = keyFor(t.profile, explicitKeyVariable);
    t.key = key.key;
    const ProviderPreset* preset = findPreset(t.profile.presetId);
    const bool needsKey = t.profile.auth != AuthStyle::None && preset && preset->needsKey;
    if (t.key.isEmpty() && (needsKey || !explicitKeyVariable.isEmpty())) {
        const QStringList vars = keyEnvironmentVariables(t.profile, explicitKeyVariable);
        error = u"no key for profile %1: run `juxta key set %1`%2%3"_s.arg(
            t.profile.id, vars.isEmpty() ? QString() : u" or set %1"_s.arg(vars.join(u" or "_s)),
            key.problem.isEmpty() ? QString() : u" (%1)"_s.arg(key.problem));
        return std::nullopt;
    }
    t.contextWindow = entryFor(t).contextWindow;
    return t;
}

} // namespace juxta::cli
