// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboarding/FirstRunCheck.h"

#include "keys/KeyResolver.h"
#include "offline/OfflineNetwork.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

bool sameServer(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(-1) == b.port(-1);
}

} // namespace

FirstRunCheck::FirstRunCheck(const AppConfig& config, SecretStore& secrets, QNetworkAccessManager& network,
                             QList<LocalServerDetector::Candidate> candidates, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_network(network)
    , m_candidates(std::move(candidates))
{
}

QString FirstRunCheck::environmentKey(const AppConfig& config)
{
    // Presets can be used without a profile ("openai/gpt-4o" with OPENAI_API_KEY set), so theirs count too.
    QList<ProviderProfile> profiles = realProfiles(config);
    for (const ProviderPreset& preset : providerPresets()) {
        if (preset.needsKey)
            profiles.append(profileFromPreset(preset));
    }
    for (const ProviderProfile& profile : std::as_const(profiles)) {
        if (!needsKey(profile))
            continue;
        for (const QString& variable : keyEnvironmentVariables(profile)) {
            if (!qEnvironmentVariable(variable.toLocal8Bit().constData()).trimmed().isEmpty())
                return u"%1 is set"_s.arg(variable);
        }
    }
    return {};
}

QList<ProviderProfile> FirstRunCheck::realProfiles(const AppConfig& config)
{
    QList<ProviderProfile> out;
    for (const ProviderProfile& p : config.profiles) {
        if (!isOfflineUrl(p.baseUrl))
            out.append(p);
    }
    return out;
}

bool FirstRunCheck::needsKey(const ProviderProfile& profile)
{
    const ProviderPreset* preset = findPreset(profile.presetId);
    return preset ? preset->needsKey : profile.auth != AuthStyle::None;
}

void FirstRunCheck::start(int probeTimeoutMs)
{
    const QList<ProviderProfile> real = realProfiles(m_config);
    m_pending = 1; // this function's own share, settled at its end, so finished() cannot come from inside
    if (const QString env = environmentKey(m_config); !env.isEmpty()) {
        m_verdict.providerReady = true;
        m_verdict.readyBecause = env;
    }

    // Keys in the store, one read per profile that needs one (the store answers asynchronously).
    for (const ProviderProfile& profile : real) {
        if (!needsKey(profile))
            continue;
        ++m_pending;
        resolveKey(m_secrets, profile, {}, [this, guard = QPointer(this), id = profile.id](const ResolvedKey& key) {
            if (!guard)
                return;
            if (!key.key.isEmpty() && !m_verdict.providerReady) {
                m_verdict.providerReady = true;
                m_verdict.readyBecause = u"a key for %1 is stored"_s.arg(id);
            }
            settleOne();
        });
    }

    // Local servers, and the configured key-less profiles (a proxy, a server elsewhere), asked for their models.
    QList<LocalServerDetector::Candidate> probes = m_candidates;
    for (const ProviderProfile& profile : real) {
        if (!needsKey(profile))
            probes.append({profile.presetId.isEmpty() ? u"custom"_s : profile.presetId, profile.baseUrl});
    }
    auto* detector = new LocalServerDetector(m_network, probes, this);
    ++m_pending;
    connect(detector, &LocalServerDetector::finished, this, [this, detector, real](const QList<DetectedServer>& found) {
        detector->deleteLater();
        for (const DetectedServer& server : found) {
            const auto configured = std::find_if(real.cbegin(), real.cend(), [&server](const ProviderProfile& p) {
                return sameServer(p.baseUrl, server.profile.baseUrl);
            });
            if (configured == real.cend()) {
                const bool seen = std::any_of(m_verdict.detected.cbegin(), m_verdict.detected.cend(),
                                              [&server](const DetectedServer& d) {
                                                  return sameServer(d.profile.baseUrl, server.profile.baseUrl);
                                              });
                if (!seen)
                    m_verdict.detected.append(server);
            } else if (!m_verdict.providerReady) {
                m_verdict.providerReady = true;
                m_verdict.readyBecause = u"%1 answers"_s.arg(configured->id);
            }
        }
        settleOne();
    });
    QTimer::singleShot(0, detector, [detector, probeTimeoutMs] { detector->start(probeTimeoutMs); });
    QTimer::singleShot(0, this, &FirstRunCheck::settleOne);
}

void FirstRunCheck::settleOne()
{
    if (--m_pending == 0)
        emit finished(m_verdict);
}

} // namespace juxta
