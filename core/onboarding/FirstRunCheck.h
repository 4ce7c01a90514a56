// SPDX-License-Identifier: GPL-3.0-or-later
// Whether Juxta can talk to a real provider yet, asked at start-up without blocking: a key in the environment or
// the key store for any profile, or a configured key-less server (Ollama, LM Studio, a proxy) that answers. Local
// servers that answer but are not configured yet are reported too, to be offered. Offline providers do not count:
// they are the fallback when nothing else is there.
#pragma once

#include "config/AppConfig.h"
#include "config/LocalServerDetector.h"

#include <QObject>

class QNetworkAccessManager;

namespace juxta {

class SecretStore;

struct FirstRunVerdict
{
    bool providerReady = false;
    QString readyBecause;            // "OPENAI_API_KEY is set", "a key for openai is stored", "ollama answers"
    QList<DetectedServer> detected;  // answering local servers no profile points at yet
};

class FirstRunCheck final : public QObject
{
    Q_OBJECT

public:
    // `config` is copied: the check may outlive a change to it.
    FirstRunCheck(const AppConfig& config, SecretStore& secrets, QNetworkAccessManager& network,
                  QList<LocalServerDetector::Candidate> candidates = LocalServerDetector::defaultCandidates(),
                  QObject* parent = nullptr);

    // What can be known at once, without asking anyone: a key in the environment ("OPENAI_API_KEY is set").
    static QString environmentKey(const AppConfig& config);
    // Configured profiles that reach a real provider (not a built-in offline one).
    static QList<ProviderProfile> realProfiles(const AppConfig& config);
    static bool needsKey(const ProviderProfile& profile);

    void start(int probeTimeoutMs = 1500); // finished() follows once, on this thread, never from inside start()

signals:
    void finished(const juxta::FirstRunVerdict& verdict);

private:
    void settleOne();

    AppConfig m_config;
    SecretStore& m_secrets;
    QNetworkAccessManager& m_network;
    QList<LocalServerDetector::Candidate> m_candidates;
    FirstRunVerdict m_verdict;
    int m_pending = 0;
};

} // namespace juxta

Q_DECLARE_METATYPE(juxta::FirstRunVerdict)
