// SPDX-License-Identifier: GPL-3.0-or-later
// Finds model servers running on this machine (Ollama on 11434, LM Studio on 1234, llama.cpp on 8080) by asking
// each for its model list, all at once and briefly, so a first start can offer them.
#pragma once

#include "config/ProviderPresets.h"
#include "providers/ModelInfo.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace juxta {

struct DetectedServer
{
    ProviderProfile profile; // ready to add: the preset's profile at the address that answered
    QList<ModelInfo> models;
};

class LocalServerDetector final : public QObject
{
    Q_OBJECT

public:
    struct Candidate
    {
        QString presetId;
        QUrl baseUrl;
    };
    // The presets' local servers on 127.0.0.1.
    static QList<Candidate> defaultCandidates();

    LocalServerDetector(QNetworkAccessManager& network, QList<Candidate> candidates = defaultCandidates(),
                        QObject* parent = nullptr);
    void start(int timeoutMs = 1500);

signals:
    void finished(const QList<juxta::DetectedServer>& servers); // in candidate order

private:
    QNetworkAccessManager& m_network;
    QList<Candidate> m_candidates;
    QList<std::optional<DetectedServer>> m_results;
    int m_pending = 0;
};

} // namespace juxta

Q_DECLARE_METATYPE(juxta::DetectedServer)
