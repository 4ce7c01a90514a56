// SPDX-License-Identifier: GPL-3.0-or-later
// The options every networked sub-command shares: where the server is, which API, which key, which timeouts.
#pragma once

#include "providers/ApiKey.h"
#include "providers/ProviderProfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace juxta::cli {

class ConnectionOptions
{
public:
    ConnectionOptions();
    void addTo(QCommandLineParser& parser) const;

    // Fills the profile, key and timeouts from a processed parser; on failure returns false with `error` set.
    // Without --base-url only the timeouts, --config and --api-key-env are read: targets then come from
    // profile/model references (see Workspace).
    bool read(const QCommandLineParser& parser, QString& error);

    bool hasBaseUrl() const { return m_hasBaseUrl; }
    const QString& configPath() const { return m_configPath; }
    const QString& keyVariable() const { return m_keyVariable; }

    const ProviderProfile& profile() const { return m_profile; }
    const ApiKey& key() const { return m_key; }
    const CallOptions& callOptions() const { return m_callOptions; }

private:
    QCommandLineOption m_config;
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_api;
    QCommandLineOption m_keyEnv;
    QCommandLineOption m_idleTimeout;
    QCommandLineOption m_connectTimeout;
    QCommandLineOption m_allowInsecureHttp;
    QCommandLineOption m_maxAnswerSize;
    QCommandLineOption m_maxDuration;

    ProviderProfile m_profile;
    ApiKey m_key;
    CallOptions m_callOptions;
    bool m_hasBaseUrl = false;
    QString m_configPath;
    QString m_keyVariable;
};

} // namespace juxta::cli
