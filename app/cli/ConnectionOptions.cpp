// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ConnectionOptions.h"

#include "cli/CommandLine.h"
#include "config/ConfigStore.h"
#include "config/TransportPolicy.h"

#include <QRegularExpression>
#include <QUrl>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

bool readSeconds(const QCommandLineParser& parser, const QCommandLineOption& option, int& targetMs, QString& error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400) {
        error = u"--%1 needs a number of seconds between 0 and 86400"_s.arg(option.names().constFirst());
        return false;
    }
    targetMs = int(std::lround(seconds * 1000));
    return true;
}

// --max-answer-size MIB and --max-duration S: this call's answer limits, over the profile's.
bool readAnswerLimits(const QCommandLineParser& parser, const QCommandLineOption& size,
                      const QCommandLineOption& duration, AnswerLimits& limits, QString& error)
{
    bool ok = true;
    if (parser.isSet(size)) {
        const double mib = parser.value(size).toDouble(&ok);
        if (!ok || !std::isfinite(mib) || mib <= 0 || mib > 4096) {
            error = u"--max-answer-size needs a number of MiB between 0 and 4096"_s;
            return false;
        }
        limits.maxBytes = qint64(mib * 1024 * 1024);
    }
    if (parser.isSet(duration)) {
        const double seconds = parser.value(duration).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 1 || seconds > 7 * 86400) {
            error = u"--max-duration needs a number of seconds between 1 and 604800"_s;
            return false;
        }
        limits.maxSeconds = qint64(std::lround(seconds));
    }
    return true;
}

} // namespace

ConnectionOptions::ConnectionOptions()
    : m_config(configOption())
    , m_baseUrl(u"base-url"_s,
                u"Talk to this server directly instead of a profile, e.g. http://127.0.0.1:11434/v1; --model is then "
                "a bare model name."_s,
                u"URL"_s)
    , m_api(u"api"_s, u"API dialect: openai (default)."_s, u"API"_s, u"openai"_s)
    , m_keyEnv(u"api-key-env"_s,
               u"Name of the environment variable that holds the API key. Keys are never taken on the command line. "
               "With --base-url and without this option no key is sent; with a profile the profile's variable "
               "(e.g. OPENAI_API_KEY) and then the keychain are used."_s,
               u"VAR"_s)
    , m_idleTimeout(u"idle-timeout"_s, u"Give up after this many seconds without data (default 60)."_s, u"S"_s)
    , m_connectTimeout(u"connect-timeout"_s, u"Give up connecting after this many seconds (default 30)."_s, u"S"_s)
    , m_allowInsecureHttp(u"allow-insecure-http"_s,
                          u"With --base-url: send the key over plain http:// to a host that is not on this machine or "
                          "your private network (anyone on the way can read it). Without it such a key is refused."_s)
    , m_maxAnswerSize(u"max-answer-size"_s,
                      u"End an answer whose text and reasoning pass this many MiB (default: the profile's, else 16); "
                      "what arrived is kept, marked incomplete."_s,
                      u"MIB"_s)
    , m_maxDuration(u"max-duration"_s,
                    u"End an answer still streaming after this many seconds (default: the profile's, else 1800)."_s,
                    u"S"_s)
{
}

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_config, m_baseUrl, m_api, m_keyEnv, m_idleTimeout, m_connectTimeout, m_allowInsecureHttp,
                       m_maxAnswerSize, m_maxDuration});
}

bool ConnectionOptions::read(const QCommandLineParser& parser, QString& error)
{
    m_configPath = parser.value(m_config);
    if (!readAnswerLimits(parser, m_maxAnswerSize, m_maxDuration, m_callOptions.answerLimits, error))
        return false;
    m_hasBaseUrl = parser.isSet(m_baseUrl);
    if (parser.isSet(m_keyEnv)) {
        static const QRegularExpression validName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        m_keyVariable = parser.value(m_keyEnv);
        if (!validName.match(m_keyVariable).hasMatch()) {
            error = u"--api-key-env needs an environment variable name, e.g. OPENAI_API_KEY"_s;
            return false;
        }
    }
    if (!m_hasBaseUrl) {
        return readSeconds(parser, m_idleTimeout, m_callOptions.idleTimeoutMs, error)
            && readSeconds(parser, m_connectTimeout, m_callOptions.connectTimeoutMs, error);
    }
    const auto dialect = apiDialectFromName(parser.value(m_api).trimmed().toLower());
    if (!dialect) {
        error = u"unknown --api \"%1\" (expected openai, anthropic, gemini or ollama)"_s.arg(parser.value(m_api));
        return false;
    }
    m_profile.dialect = *dialect;

    const QUrl url(parser.value(m_baseUrl), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
        error = u"--base-url must be an http:// or https:// URL, got \"%1\""_s.arg(parser.value(m_baseUrl));
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        error = u"--base-url must not contain credentials; use --api-key-env"_s;
        return false;
    }
    m_profile.baseUrl = url;
    m_profile.displayName = url.host();
    m_profile.id = url.host(); // labels targets in attempts and statistics: "api.openai.com/gpt-4o"

    if (parser.isSet(m_keyEnv)) {
        const QString& var = m_keyVariable;
        const QString secret = qEnvironmentVariable(var.toLocal8Bit().constData());
        if (secret.trimmed().isEmpty()) {
            error = u"the environment variable %1 is not set or empty"_s.arg(var);
            return false;
        }
        m_key = ApiKey::fromSecret(secret);
    }
    // Profiles get this check when they are saved; a URL on the command line gets it here. Without a key nothing
    // secret travels, so a public http:// server is still fine then.
    m_profile.allowInsecureHttp = parser.isSet(m_allowInsecureHttp);
    if (!m_key.isEmpty()) {
        if (const UrlCheck check = checkBaseUrl(url, m_profile.allowInsecureHttp);
            check.verdict == UrlVerdict::NeedsInsecureConfirmation) {
            error = u"refusing to send the key over plain http:// to %1, a public host: use https://, or "
                    "--allow-insecure-http if you accept that anyone on the way can read it"_s.arg(url.host());
            return false;
        }
    }
    return readSeconds(parser, m_idleTimeout, m_callOptions.idleTimeoutMs, error)
        && readSeconds(parser, m_connectTimeout, m_callOptions.connectTimeoutMs, error);
}

} // namespace juxta::cli
