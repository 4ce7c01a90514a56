// SPDX-License-Identifier: GPL-3.0-or-later
// `--fallback`, `--strategy`, `--retries`/`--no-retry` and friends: the target chain and resilience settings
// of a headless command.
#pragma once

#include "pricing/ModelPrice.h"
#include "providers/ProviderProfile.h"
#include "routing/ResilientCall.h"
#include "routing/RoutingStrategy.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <functional>

namespace juxta::cli {

class RoutingOptions
{
public:
    RoutingOptions();
    void addTo(QCommandLineParser& parser) const;

    // `primary` is the target from --base-url/--api/--model; `stats` ranks "--strategy fastest".
    // On failure returns false with `error` set.
    bool read(const QCommandLineParser& parser, const Target& primary, const ModelStats& stats, QString& error);

    const QList<Target>& targets() const { return m_targets; } // in the order to try them
    const RetryPolicy& retryPolicy() const { return m_retry; }
    const FallbackPolicy& fallbackPolicy() const { return m_fallback; }
    quint32 seed() const { return m_seed; }

    // A fallback is "MODEL" (same server) or "[API+]URL#MODEL" (another server: without key-env it gets no key,
    // so a key is only ever sent to the server it was meant for), then ";name=value" overrides: key-env,
    // temperature, top-p, max-tokens, context-window.
    // With a reference resolver (profile mode) the location part is a "profile/model" reference instead.
    using ReferenceResolver = std::function<std::optional<Target>(const QString& reference, QString& error)>;
    bool parseFallback(const QString& spec, const Target& primary, Target& target, QString& error) const;
    void setReferenceResolver(ReferenceResolver resolver) { m_resolver = std::move(resolver); }
    // Catalog prices rank "--strategy cheapest" when no --prices file is given.
    using CatalogPrices = std::function<std::optional<ModelPrice>(const Target&)>;
    void setCatalogPrices(CatalogPrices prices) { m_catalogPrices = std::move(prices); }

    // A price file for "--strategy cheapest": {"MODEL or HOST/MODEL": {"input": USD per 1M, "output": USD per 1M}}.
    // Ranked by a 3:1 input:output blend, the usual shape of chat traffic.
    static bool readPrices(const QString& path, PriceLookup& lookup, QString& error);

private:
    QCommandLineOption m_fallbackOption;
    QCommandLineOption m_strategy;
    QCommandLineOption m_retries;
    QCommandLineOption m_noRetry;
    QCommandLineOption m_maxRetryAfter;
    QCommandLineOption m_fallbackOnFilter;
    QCommandLineOption m_stopAfterPartial;
    QCommandLineOption m_routeSeed;
    QCommandLineOption m_prices;
    QCommandLineOption m_contextWindow;

    QList<Target> m_targets;
    RetryPolicy m_retry;
    FallbackPolicy m_fallback;
    quint32 m_seed = 0;
    ReferenceResolver m_resolver;
    CatalogPrices m_catalogPrices;
};

} // namespace juxta::cli
