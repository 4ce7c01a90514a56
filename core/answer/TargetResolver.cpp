// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/TargetResolver.h"

#include "offline/OfflineNetwork.h"

#include "catalog/ModelRef.h"
#include "config/ProviderPresets.h"
#include "keys/KeyResolver.h"

#include <QPointer>
#include <memory>

using namespace Qt::StringLiterals;

namespace juxta {

std::optional<ProviderProfile> findProfile(const AppConfig& config, const QString& id, QString& error)
{
    std::optional<ProviderProfile> found;
    if (const ProviderProfile* configured = config.profile(id))
        found = *configured;
    else if (const ProviderPreset* preset = findPreset(id))
        found = profileFromPreset(*preset);
    if (!found) {
        QStringList ids;
        for (const ProviderProfile& p : config.profiles)
            ids.append(p.id);
        error = u"no profile \"%1\" (configured: %2; presets can be used by id, e.g. openai/gpt-4o)"_s.arg(
            id, ids.isEmpty() ? u"none"_s : ids.join(u", "_s));
        return std::nullopt;
    }
    if (const QString problem = validateProfile(*found); !problem.isEmpty()) {
        error = problem;
        return std::nullopt;
    }
    return found;
}

bool isOfflineModel(const AppConfig& config, const QString& reference)
{
    const std::optional<ProfileModel> named = profileModelOf(config, reference);
    return named && isOfflineUrl(named->profile.baseUrl);
}

std::optional<ProfileModel> profileModelOf(const AppConfig& config, const QString& reference, QString* error)
{
    const std::optional<ModelRef> ref = ModelRef::parse(reference);
    QString why;
    const std::optional<ProviderProfile> profile = ref ? findProfile(config, ref->profileId, why) : std::nullopt;
    if (!profile) {
        if (error)
            *error = ref ? why : u"\"%1\" is not a model reference (profile/model)"_s.arg(reference);
        return std::nullopt;
    }
    return ProfileModel{*profile, ref->modelId};
}

void resolveTargets(const AppConfig& config, SecretStore& secrets, const ModelCatalog& catalog,
                    const QStringList& references, QObject* context, std::function<void(const ResolvedTargets&)> done)
{
    struct Pending
    {
        QList<std::optional<Target>> found;
        QStringList problems;
        int waiting = 0;
        std::function<void(const ResolvedTargets&)> done;
        void finishIfReady()
        {
            if (waiting > 0)
                return;
            ResolvedTargets out;
            for (const std::optional<Target>& t : std::as_const(found)) {
                if (t)
                    out.targets.append(*t);
            }
            out.problems = problems;
            done(out);
        }
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->found.resize(references.size());
    pending->waiting = int(references.size()) + 1; // +1: released below, so an all-synchronous run finishes once
    QPointer<QObject> guard(context);
    for (qsizetype i = 0; i < references.size(); ++i) {
        const QString& reference = references.at(i);
        QString error;
        const std::optional<ProfileModel> named = profileModelOf(config, reference, &error);
        if (!named) {
            pending->problems.append(error);
            --pending->waiting;
            continue;
        }
        Target target;
        target.profile = named->profile;
        target.model = named->modelId;
        target.contextWindow = catalog.entry(target.profile, target.model).contextWindow;
        resolveKey(secrets, target.profile, {}, [pending, guard, target, i](const ResolvedKey& key) mutable {
            if (!guard)
                return;
            target.key = key.key;
            const ProviderPreset* preset = findPreset(target.profile.presetId);
            const bool needsKey = target.profile.auth != AuthStyle::None && preset && preset->needsKey;
            if (target.key.isEmpty() && needsKey) {
                pending->problems.append(u"no API key for %1: add one under Settings ▸ Providers%2"_s.arg(
                    target.profile.id, key.problem.isEmpty() ? QString() : u" (%1)"_s.arg(key.problem)));
            } else {
                pending->found[i] = target;
            }
            --pending->waiting;
            pending->finishIfReady();
        });
    }
    --pending->waiting;
    pending->finishIfReady();
}

} // namespace juxta
