// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboarding/OfflineDemo.h"

#include "catalog/ModelRef.h"
#include "config/ProviderPresets.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// The id of a configured profile at the preset's address, else a new profile from the preset (added to `demo`).
QString profileIdFor(const QString& presetId, const AppConfig& config, OfflineDemo& demo)
{
    const ProviderPreset* preset = findPreset(presetId);
    Q_ASSERT(preset);
    const QUrl url(preset->baseUrl);
    for (const ProviderProfile& p : config.profiles) {
        if (p.baseUrl == url)
            return p.id;
    }
    const QString id = unusedProfileId(config.profiles, preset->id);
    demo.profilesToAdd.append(profileFromPreset(*preset, id));
    return id;
}

} // namespace

OfflineDemo offlineDemo(const AppConfig& config)
{
    OfflineDemo demo;
    profileIdFor(u"echo"_s, config, demo); // not in the comparison, but there to try in the chat
    const QString scripted = profileIdFor(u"scripted"_s, config, demo);
    const auto column = [&scripted](const QString& model, const QStringList& fallbacks = {}) {
        CompareColumnSetup c;
        c.overrides.model = ModelRef{scripted, model}.toString();
        for (const QString& f : fallbacks)
            c.overrides.fallbacks.append(ModelRef{scripted, f}.toString());
        return c;
    };
    demo.setup.columns = {column(u"swift"_s), column(u"steady"_s), column(u"flaky"_s, {u"slow"_s})};
    demo.prompt = u"In three sentences: why compare language models side by side?"_s;
    return demo;
}

} // namespace juxta
