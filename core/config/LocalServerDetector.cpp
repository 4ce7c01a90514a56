// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/LocalServerDetector.h"

#include "providers/ModelListCall.h"

using namespace Qt::StringLiterals;

namespace juxta {

QList<LocalServerDetector::Candidate> LocalServerDetector::defaultCandidates()
{
    QList<Candidate> out;
    for (const ProviderPreset& preset : providerPresets()) {
        if (preset.localPort > 0)
            out.append({preset.id, QUrl(preset.baseUrl)});
    }
    return out;
}

LocalServerDetector::LocalServerDetector(QNetworkAccessManager& network, QList<Candidate> candidates, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_candidates(std::move(candidates))
{
}

void LocalServerDetector::start(int timeoutMs)
{
    m_results = QList<std::optional<DetectedServer>>(m_candidates.size());
    m_pending = int(m_candidates.size());
    if (m_pending == 0) {
        emit finished({});
        return;
    }
    for (qsizetype i = 0; i < m_candidates.size(); ++i) {
        const ProviderPreset* preset = findPreset(m_candidates[i].presetId);
        const Provider* provider = preset ? providerFor(preset->dialect) : nullptr;
        if (!provider) {
            --m_pending;
            continue;
        }
        ProviderProfile profile = profileFromPreset(*preset);
        profile.baseUrl = m_candidates[i].baseUrl;
        CallOptions options;
        options.connectTimeoutMs = timeoutMs / 2;
        options.idleTimeoutMs = timeoutMs / 2;
        auto* call = new ModelListCall(m_network, *provider, profile, ApiKey(), options, this);
        connect(call, &ModelListCall::finished, this, [this, call, i, profile] {
            if (!call->error())
                m_results[i] = DetectedServer{profile, call->models()};
            call->deleteLater();
            if (--m_pending == 0) {
                QList<DetectedServer> found;
                for (const auto& r : std::as_const(m_results)) {
                    if (r)
                        found.append(*r);
                }
                emit finished(found);
            }
        });
        call->start();
    }
    if (m_pending == 0)
        emit finished({});
}

} // namespace juxta
