// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RoutingOptions.h"

#include "config/TransportPolicy.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(a.scheme() == u"https"_s ? 443 : 80)
                                                                   == b.port(b.scheme() == u"https"_s ? 443 : 80);
}

} // namespace

RoutingOptions::RoutingOptions()
    : m_fallbackOption(u"fallback"_s,
                       u"Fallback target, tried in order when the previous one fails (repeatable): profile/model when "
                       "--model is a profile reference; with --base-url, MODEL on the same server or [API+]URL#MODEL "
                       "on another. Options may follow after ';': key-env=VAR, temperature=T, top-p=P, "
                       "max-tokens=N, context-window=N."_s,
                       u"SPEC"_s)
    , m_strategy(u"strategy"_s, u"Order of the targets: priority (default), cheapest, fastest, round-robin, split:70,30."_s,
                 u"NAME"_s, u"priority"_s)
    , m_retries(u"retries"_s, u"Retries per target for rate limits, overload, server errors, timeouts (default 2)."_s,
                u"N"_s)
    , m_noRetry(u"no-retry"_s, u"Never retry a target (fallbacks are still tried)."_s)
    , m_maxRetryAfter(u"max-retry-after"_s,
                      u"Longest retry-after wait honoured, in seconds (default 10); longer waits move to the next "
                      "target."_s,
                      u"S"_s)
    , m_fallbackOnFilter(u"fallback-on-content-filter"_s, u"Also fall back when a target refuses the content."_s)
    , m_stopAfterPartial(u"stop-after-partial"_s,
                         u"When a target fails after output began, stop there instead of restarting on the next."_s)
    , m_routeSeed(u"route-seed"_s, u"Seed for split routing and back-off jitter (reproducible runs)."_s, u"N"_s)
    , m_prices(u"prices"_s,
               u"JSON price file for --strategy cheapest: {\"MODEL\": {\"input\": 0.15, \"output\": 0.6}} in USD per "
               "million tokens. Models without a price go last."_s,
               u"FILE"_s)
    , m_contextWindow(u"context-window"_s,
                      u"Context window of --model in tokens; a context_length failure then skips fallbacks that are "
                      "no larger."_s,
                      u"N"_s)
{
}

void RoutingOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_fallbackOption, m_strategy, m_retries, m_noRetry, m_maxRetryAfter, m_fallbackOnFilter,
                       m_stopAfterPartial, m_routeSeed, m_prices, m_contextWindow});
}

bool RoutingOptions::parseFallback(const QString& spec, const Target& primary, Target& target, QString& error) const
{
    target = primary;
    target.contextWindow.reset();
    QStringList options = spec.split(u';');
    QString location = options.takeFirst().trimmed();
    if (m_resolver) {
        auto resolved = m_resolver(location, error);
        if (!resolved)
            return false;
        target = *resolved;
    } else if (const qsizetype hash = location.lastIndexOf(u'#'); hash < 0) {
        target.model = location; // same server, same key
    } else {
        target.model = location.mid(hash + 1).trimmed();
        location = location.left(hash);
        if (const qsizetype plus = location.indexOf(u'+'); plus > 0 && !location.left(plus).contains(u':')) {
            const auto dialect = apiDialectFromName(location.left(plus).toLower());
            if (!dialect) {
                error = u"unknown API \"%1\" in --fallback %2"_s.arg(location.left(plus), spec);
                return false;
            }
            target.profile.dialect = *dialect;
            location = location.mid(plus + 1);
        }
        const QUrl url(location, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()
            || !url.userInfo().isEmpty()) {
            error = u"--fallback %1 is not MODEL or [API+]URL#MODEL"_s.arg(spec);
            return false;
        }
        target.profile.baseUrl = url;
        target.profile.id = url.host();
        target.profile.displayName = url.host();
        if (!sameOrigin(url, primary.profile.baseUrl))
            target.key = ApiKey(); // never send a key to a server it was not given for
    }
    if (target.model.isEmpty()) {
        error = u"--fallback %1 names no model"_s.arg(spec);
        return false;
    }
    for (const QString& option : std::as_const(options)) {
        const QString name = option.section(u'=', 0, 0).trimmed();
        const QString value = option.section(u'=', 1).trimmed();
        bool ok = true;
        if (name == u"key-env"_s) {
            static const QRegularExpression validName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
            const QString secret = validName.match(value).hasMatch()
                                       ? qEnvironmentVariable(value.toLocal8Bit().constData())
                                       : QString();
            ok = !secret.trimmed().isEmpty();
            if (!ok) {
                error = u"the environment variable %1 named in --fallback is not set or empty"_s.arg(value);
                return false;
            }
            target.key = ApiKey::fromSecret(secret);
        } else if (name == u"temperature"_s) {
            target.temperature = value.toDouble(&ok);
        } else if (name == u"top-p"_s) {
            target.topP = value.toDouble(&ok);
        } else if (name == u"max-tokens"_s) {
            target.maxTokens = value.toInt(&ok);
        } else if (name == u"context-window"_s) {
            target.contextWindow = value.toLongLong(&ok);
        } else {
            ok = false;
        }
        if (!ok) {
            error = u"bad option \"%1\" in --fallback %2 (known: key-env, temperature, top-p, max-tokens, "
                    u"context-window)"_s.arg(option, spec);
            return false;
        }
    }
    // A fallback URL with its own key gets the --base-url check: no key over plain http:// to a public host
    // unless --allow-insecure-http said so (carried over from the primary target).
    if (!target.key.isEmpty()
        && checkBaseUrl(target.profile.baseUrl, target.profile.allowInsecureHttp).verdict
               == UrlVerdict::NeedsInsecureConfirmation) {
        error = u"refusing to send a key over plain http:// to %1 (--fallback %2): use https://, or "
                "--allow-insecure-http"_s.arg(target.profile.baseUrl.host(), spec);
        return false;
    }
    return true;
}

bool RoutingOptions::readPrices(const QString& path, PriceLookup& lookup, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"cannot read --prices file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(8 * 1024 * 1024), &parseError);
    if (!doc.isObject()) {
        error = u"--prices file %1 is not a JSON object: %2"_s.arg(path, parseError.errorString());
        return false;
    }
    QHash<QString, double> blended;
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QJsonObject price = it.value().toObject();
        const double input = price.value(u"input"_s).toDouble(-1);
        const double output = price.value(u"output"_s).toDouble(-1);
        if (input < 0 || output < 0) {
            error = u"--prices: \"%1\" needs non-negative \"input\" and \"output\" prices"_s.arg(it.key());
            return false;
        }
        blended.insert(it.key(), (3 * input + output) / 4);
    }
    lookup = [blended](const Target& t) -> std::optional<double> {
        if (const auto it = blended.constFind(t.label()); it != blended.cend())
            return *it;
        if (const auto it = blended.constFind(t.model); it != blended.cend())
            return *it;
        return std::nullopt;
    };
    return true;
}

bool RoutingOptions::read(const QCommandLineParser& parser, const Target& primary, const ModelStats& stats,
                          QString& error)
{
    QList<Target> chain{primary};
    if (parser.isSet(m_contextWindow)) {
        bool ok = false;
        const qint64 window = parser.value(m_contextWindow).toLongLong(&ok);
        if (!ok || window <= 0) {
            error = u"--context-window needs a positive number of tokens"_s;
            return false;
        }
        chain.first().contextWindow = window;
    }
    for (const QString& spec : parser.values(m_fallbackOption)) {
        Target t;
        if (!parseFallback(spec, primary, t, error))
            return false;
        chain.append(t);
    }

    if (parser.isSet(m_retries)) {
        bool ok = false;
        m_retry.maxRetries = parser.value(m_retries).toInt(&ok);
        if (!ok || m_retry.maxRetries < 0 || m_retry.maxRetries > 10) {
            error = u"--retries needs a whole number from 0 to 10"_s;
            return false;
        }
    }
    if (parser.isSet(m_noRetry))
        m_retry.maxRetries = 0;
    if (parser.isSet(m_maxRetryAfter)) {
        bool ok = false;
        m_retry.maxRetryAfterS = parser.value(m_maxRetryAfter).toDouble(&ok);
        if (!ok || m_retry.maxRetryAfterS < 0 || m_retry.maxRetryAfterS > 3600) {
            error = u"--max-retry-after needs a number of seconds from 0 to 3600"_s;
            return false;
        }
    }
    m_fallback.onContentFilter = parser.isSet(m_fallbackOnFilter);
    m_fallback.continueAfterPartialOutput = !parser.isSet(m_stopAfterPartial);
    if (parser.isSet(m_routeSeed)) {
        bool ok = false;
        m_seed = parser.value(m_routeSeed).toUInt(&ok);
        if (!ok) {
            error = u"--route-seed needs a whole number"_s;
            return false;
        }
    } else {
        m_seed = QRandomGenerator::global()->generate();
    }

    // Without a price file every price is unknown and "cheapest" keeps priority order.
    PriceLookup prices;
    if (parser.isSet(m_prices)) {
        if (!readPrices(parser.value(m_prices), prices, error))
            return false;
    } else if (m_catalogPrices) {
        prices = [catalog = m_catalogPrices](const Target& t) -> std::optional<double> {
            const auto price = catalog(t);
            if (!price || price->currency != u"USD"_s)
                return std::nullopt;
            return (3 * price->base.input + price->base.output) / 4; // the same blend as --prices
        };
    }
    auto strategy = RoutingStrategy::fromSpec(parser.value(m_strategy), prices, &stats, m_seed, &error);
    if (!strategy)
        return false;
    m_targets.clear();
    for (int index : strategy->order(chain))
        m_targets.append(chain[index]);
    return true;
}

} // namespace juxta::cli
