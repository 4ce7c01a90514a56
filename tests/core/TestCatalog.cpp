// SPDX-License-Identifier: GPL-3.0-or-later
// Model discovery for every API style, parsed from fake servers over 127.0.0.1 (pagination included), the
// discovery cache, local-server detection, and the catalog's precedence: overrides > OpenRouter > bundled.
#include "FakeProviderServer.h"

#include "catalog/DiscoveryCache.h"
#include "catalog/ModelCatalog.h"
#include "common/MonotonicClock.h"
#include "config/LocalServerDetector.h"
#include "config/ProviderPresets.h"
#include "providers/ChatClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void bundledCatalogIsWellFormed();
    void discoversOpenAiModels();
    void endlessModelListIsCutOff();
    void discoversOpenRouterPricesAndLimits();
    void followsAnthropicPagination();
    void followsGeminiPagination();
    void discoversOllamaTags();
    void cacheRoundTripsAndGoesStaleWithTheUrl();
    void precedenceOverridesOpenRouterBundled();
    void openRouterKeepsBundledTiers();
    void unknownModelHasNoPrice();
    void selfHostedModelsAreFreeOnlyAtHome();
    void offlineProvidersAreFreeByDefinition();
    void detectsLocalServers();

private:
    QList<ModelInfo> discover(const QString& presetId, const QString& path);

    std::unique_ptr<FakeProviderServer> m_server;
    QNetworkAccessManager m_network;
    SteadyClock m_clock;
};

void TestCatalog::init()
{
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
}

QList<ModelInfo> TestCatalog::discover(const QString& presetId, const QString& path)
{
    ChatClient client(m_network, m_clock);
    ProviderProfile profile = profileFromPreset(*findPreset(presetId));
    profile.baseUrl = m_server->baseUrl(path);
    ModelListCall* call = client.listModels(profile, ApiKey::fromSecret(u"sk-juxta-TESTKEY-discovery"_s));
    if (!call)
        return {};
    QSignalSpy finished(call, &ModelListCall::finished);
    if (!finished.wait(10'000) || call->error())
        return {};
    return call->models();
}

void TestCatalog::bundledCatalogIsWellFormed()
{
    QFile file(u":/juxta/catalog/models.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const QList<BundledModel> models = parseBundledCatalog(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(models.size() >= 20);
    QCOMPARE(bundledCatalog().size(), models.size());
    QSet<QString> seen;
    for (const BundledModel& m : models) {
        const QString key = m.preset + u'/' + m.id;
        QVERIFY2(findPreset(m.preset), qPrintable(key));
        QVERIFY2(!seen.contains(key), qPrintable(u"duplicate "_s + key));
        seen.insert(key);
        QVERIFY2(QDate::fromString(m.asOf, Qt::ISODate).isValid(), qPrintable(key));
        if (m.price) {
            QVERIFY2(m.price->base.input > 0 && m.price->base.output > 0, qPrintable(key));
            QVERIFY2(m.price->base.cachedInput.value_or(0) <= m.price->base.input, qPrintable(key));
        }
        if (m.contextWindow && m.maxOutputTokens)
            QVERIFY2(*m.maxOutputTokens <= *m.contextWindow, qPrintable(key));
    }
}

void TestCatalog::discoversOpenAiModels()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openai_models.http"_s));
    const QList<ModelInfo> models = discover(u"openai"_s, u"/v1"_s);
    QCOMPARE(models.size(), 3);
    QCOMPARE(models[2].id, u"o4-mini"_s);
    QCOMPARE(m_server->requests()[0].path, QByteArray("/v1/models"));
    QCOMPARE(m_server->requests()[0].header("authorization"), QByteArray("Bearer sk-juxta-TESTKEY-discovery"));
}

void TestCatalog::endlessModelListIsCutOff()
{
    // A server that streams a model list without end (chunked, never finished): refused once a page passes the
    // cap, not held in memory until the timeout.
    QByteArray body = "{\"object\":\"list\",\"data\":[";
    const QByteArray entry = "{\"id\":\"model-xxxxxxxxxxxxxxxxxxxxxxxx\",\"object\":\"model\"},";
    while (body.size() < ModelListCall::kMaxPageBytes + 4 * 1024 * 1024)
        body += entry;
    ScriptedResponse endless = ScriptedResponse::fromHttpText(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    endless.splitEvery(1024 * 1024).endWith(ScriptedResponse::Ending::Stall);
    m_server->enqueue(endless);

    ChatClient client(m_network, m_clock);
    ProviderProfile profile = profileFromPreset(*findPreset(u"openai"_s));
    profile.baseUrl = m_server->baseUrl(u"/v1"_s);
    ModelListCall* call = client.listModels(profile, ApiKey::fromSecret(u"k"_s));
    QVERIFY(call);
    QSignalSpy finished(call, &ModelListCall::finished);
    QVERIFY(finished.wait(20'000)); // the default timeout is 90 s: this is the cap, not the clock
    QVERIFY(call->error());
    QCOMPARE(call->error()->errorClass, ErrorClass::Malformed);
    QVERIFY2(call->error()->message.contains(u"larger than 16 MiB"_s), qPrintable(call->error()->message));
}

void TestCatalog::discoversOpenRouterPricesAndLimits()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/openrouter_models.http"_s).splitEvery(97));
    const QList<ModelInfo> models = discover(u"openrouter"_s, u"/api/v1"_s);
    QCOMPARE(models.size(), 3);
    const ModelInfo& sonnet = models[0];
    QCOMPARE(sonnet.displayName, u"Anthropic: Claude Sonnet 4"_s);
    QCOMPARE(sonnet.contextWindow, 1'000'000);
    QCOMPARE(sonnet.maxOutputTokens, 64'000);
    QCOMPARE(sonnet.vision, true);
    QCOMPARE(sonnet.reasoning, true);
    QVERIFY(sonnet.price);
    QCOMPARE(sonnet.price->base.input, 3.0);   // "0.000003" per token = $3 per 1M
    QCOMPARE(sonnet.price->base.output, 15.0);
    QCOMPARE(*sonnet.price->base.cachedInput, 0.3);
    QCOMPARE(*sonnet.price->base.cacheWrite, 3.75);
    QVERIFY(!sonnet.price->base.thinkingOutput);
    QVERIFY(!sonnet.price->base.reasoningOutput); // "internal_reasoning": "0" means billed as output
    QVERIFY(!models[1].price);                   // the auto router's "-1": unknown, never $0
    QCOMPARE(models[2].vision, false);
    QCOMPARE(models[2].reasoning, false);
    QVERIFY(!models[2].price->base.cachedInput);
    // OpenRouter's attribution headers travel with the preset.
    QCOMPARE(m_server->requests()[0].header("x-title"), QByteArray("Juxta"));
}

void TestCatalog::followsAnthropicPagination()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/anthropic_models_page1.http"_s).endWith(
        ScriptedResponse::Ending::KeepAlive));
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/anthropic_models_page2.http"_s));
    const QList<ModelInfo> models = discover(u"anthropic"_s, u"/v1"_s);
    QCOMPARE(models.size(), 2);
    QCOMPARE(models[0].displayName, u"Claude Sonnet 4"_s);
    QCOMPARE(models[1].id, u"claude-3-5-haiku-20241022"_s);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[1].path, QByteArray("/v1/models?limit=1000&after_id=claude-sonnet-4-20250514"));
    QCOMPARE(m_server->requests()[1].header("x-api-key"), QByteArray("sk-juxta-TESTKEY-discovery"));
}

void TestCatalog::followsGeminiPagination()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/gemini_models_page1.http"_s).splitEvery(64));
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/gemini_models_page2.http"_s));
    const QList<ModelInfo> models = discover(u"gemini"_s, u"/v1beta"_s);
    QCOMPARE(models.size(), 2); // the embedding model is not a chat model
    QCOMPARE(models[0].id, u"gemini-2.5-pro"_s);
    QCOMPARE(models[0].contextWindow, 1'048'576);
    QCOMPARE(models[0].maxOutputTokens, 65'536);
    QCOMPARE(models[0].reasoning, true);
    QCOMPARE(models[1].id, u"gemini-2.0-flash"_s);
    QVERIFY(m_server->requests()[1].path.contains("pageToken=Cg5nZW1pbmktMi41LXBybw"));
    QCOMPARE(m_server->requests()[1].header("x-goog-api-key"), QByteArray("sk-juxta-TESTKEY-discovery"));
    QVERIFY(!m_server->requests()[1].path.contains("key="));
}

void TestCatalog::discoversOllamaTags()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s));
    const QList<ModelInfo> models = discover(u"ollama"_s, QString());
    QCOMPARE(models.size(), 2);
    QCOMPARE(models[1].id, u"qwen3:4b"_s);
    QCOMPARE(m_server->requests()[0].path, QByteArray("/api/tags"));
    QVERIFY(m_server->requests()[0].header("authorization").isNull()); // the preset sends no key to Ollama
}

void TestCatalog::cacheRoundTripsAndGoesStaleWithTheUrl()
{
    QTemporaryDir dir;
    DiscoveryCache cache(dir.path());
    ProviderProfile profile = profileFromPreset(*findPreset(u"openrouter"_s));
    ModelInfo m;
    m.id = u"anthropic/claude-sonnet-4"_s;
    m.displayName = u"Claude Sonnet 4"_s;
    m.contextWindow = 200'000;
    m.vision = true;
    m.price = ModelPrice::fromJson(R"({"input": 3, "output": 15, "cached_input": 0.3})");
    const QDateTime when = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
    QVERIFY(cache.store(profile, {m}, when));
    const auto loaded = cache.load(profile);
    QVERIFY(loaded);
    QCOMPARE(loaded->fetchedAt, when);
    QCOMPARE(loaded->models.size(), 1);
    QCOMPARE(loaded->models[0].displayName, m.displayName);
    QCOMPARE(loaded->models[0].contextWindow, m.contextWindow);
    QCOMPARE(loaded->models[0].vision, true);
    QVERIFY(!loaded->models[0].reasoning);
    QCOMPARE(*loaded->models[0].price, *m.price);
    profile.baseUrl = QUrl(u"https://other.example/v1"_s);
    QVERIFY(!cache.load(profile));
}

void TestCatalog::precedenceOverridesOpenRouterBundled()
{
    // A bundled, priced model of the OpenAI preset, whatever the catalog's current figures are.
    const BundledModel* bundled = nullptr;
    for (const BundledModel& m : bundledCatalog()) {
        if (m.preset == u"openai"_s && m.price) {
            bundled = &m;
            break;
        }
    }
    QVERIFY(bundled);
    AppConfig config;
    ModelCatalog catalog(config);
    const ProviderProfile openai = profileFromPreset(*findPreset(u"openai"_s));
    CatalogEntry e = catalog.entry(openai, bundled->id);
    QCOMPARE(e.priceSource, PriceSource::Bundled);
    QCOMPARE(*e.price, *bundled->price);
    QCOMPARE(e.priceAsOf, bundled->asOf);
    QCOMPARE(e.contextWindow, bundled->contextWindow);

    ModelInfo fromOpenRouter;
    fromOpenRouter.id = u"openai/"_s + bundled->id;
    fromOpenRouter.price = ModelPrice::fromJson(R"({"input": 123, "output": 456})");
    catalog.setListed(profileFromPreset(*findPreset(u"openrouter"_s)), {fromOpenRouter},
                      QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC));
    e = catalog.entry(openai, bundled->id);
    QCOMPARE(e.priceSource, PriceSource::OpenRouter);
    QCOMPARE(e.price->base.input, 123.0);
    QCOMPARE(e.price->base.output, 456.0);
    QCOMPARE(e.priceAsOf, u"2026-11-20"_s);
    // What OpenRouter's list cannot say stays from the catalog: cache prices it omits, long-context tiers.
    QCOMPARE(e.price->base.cachedInput, bundled->price->base.cachedInput);
    QCOMPARE(e.price->tiers, bundled->price->tiers);

    config.priceOverrides.insert(u"openai/"_s + bundled->id, *ModelPrice::fromJson(R"({"input": 1, "output": 2})"));
    e = catalog.entry(openai, bundled->id);
    QCOMPARE(e.priceSource, PriceSource::UserOverride);
    QCOMPARE(e.price->base.output, 2.0);
    QCOMPARE(e.reference(), u"openai/"_s + bundled->id);
}

void TestCatalog::openRouterKeepsBundledTiers()
{
    // A bundled model with long-context tiers, whatever the catalog's current figures are.
    const BundledModel* tiered = nullptr;
    for (const BundledModel& m : bundledCatalog()) {
        if (m.price && !m.price->tiers.isEmpty() && findPreset(m.preset)->openRouterVendor.size()) {
            tiered = &m;
            break;
        }
    }
    QVERIFY(tiered);
    AppConfig config;
    ModelCatalog catalog(config);
    const ProviderProfile direct = profileFromPreset(*findPreset(tiered->preset));
    ModelInfo fromOpenRouter;
    fromOpenRouter.id = findPreset(tiered->preset)->openRouterVendor + u'/' + tiered->id;
    fromOpenRouter.price = ModelPrice::fromJson(R"({"input": 1, "output": 2, "reasoning_output": 3})");
    catalog.setListed(profileFromPreset(*findPreset(u"openrouter"_s)), {fromOpenRouter}, QDateTime::currentDateTimeUtc());
    const CatalogEntry e = catalog.entry(direct, tiered->id);
    QCOMPARE(e.price->tiers, tiered->price->tiers);
    QCOMPARE(e.price->base.reasoningOutput, 3.0);
}

void TestCatalog::unknownModelHasNoPrice()
{
    AppConfig config;
    ModelCatalog catalog(config);
    const CatalogEntry e = catalog.entry(profileFromPreset(*findPreset(u"custom"_s), u"mine"_s), u"my-finetune"_s);
    QVERIFY(!e.price);
    QCOMPARE(e.priceSource, PriceSource::Unknown);
    QCOMPARE(e.displayName, u"my-finetune"_s);
}

void TestCatalog::selfHostedModelsAreFreeOnlyAtHome()
{
    AppConfig config;
    ModelCatalog catalog(config);
    ProviderProfile ollama = profileFromPreset(*findPreset(u"ollama"_s));
    CatalogEntry e = catalog.entry(ollama, u"llama3.1:8b"_s);
    QCOMPARE(e.priceSource, PriceSource::LocalServer);
    QVERIFY(e.price && e.price->isFree());
    ollama.baseUrl = QUrl(u"https://ollama.example.com"_s); // someone else's server: we do not know its price
    e = catalog.entry(ollama, u"llama3.1:8b"_s);
    QVERIFY(!e.price);
    // LiteLLM on localhost forwards to paid providers: not free.
    e = catalog.entry(profileFromPreset(*findPreset(u"litellm"_s)), u"gpt-4o"_s);
    QVERIFY(!e.price);
}

void TestCatalog::offlineProvidersAreFreeByDefinition()
{
    AppConfig config;
    config.priceOverrides.insert(u"echo/echo"_s, *ModelPrice::fromJson(R"({"currency":"USD","input":5,"output":9})"));
    ModelCatalog catalog(config);
    const ProviderProfile echo = profileFromPreset(*findPreset(u"echo"_s));
    const CatalogEntry e = catalog.entry(echo, u"echo"_s); // not even the user's override puts a price on it
    QCOMPARE(e.priceSource, PriceSource::Offline);
    QVERIFY(e.price && e.price->isFree());
    QStringList ids;
    for (const CatalogEntry& entry : catalog.entries(echo))
        ids << entry.modelId;
    QCOMPARE(ids, (QStringList{u"echo"_s, u"echo-reverse"_s, u"echo-upper"_s, u"echo-word-count"_s}));
    ids.clear();
    for (const CatalogEntry& entry : catalog.entries(profileFromPreset(*findPreset(u"scripted"_s))))
        ids << entry.modelId;
    QCOMPARE(ids, (QStringList{u"swift"_s, u"steady"_s, u"slow"_s, u"flaky"_s, u"brief"_s, u"formatter"_s, u"drafter"_s,
                          u"critic"_s, u"reviser"_s, u"judge"_s})); // the demo script's (the last six answer the example pipelines)
    ProviderProfile own = profileFromPreset(*findPreset(u"scripted"_s), u"mine"_s);
    own.baseUrl = QUrl(u"juxta-offline://scripted/v1?file=/tmp/answers.jsonl"_s);
    QVERIFY(catalog.entries(own).isEmpty()); // a user's file is read when the list is refreshed, off this thread
    QCOMPARE(priceSourceName(PriceSource::Offline), u"offline"_s);
}

void TestCatalog::detectsLocalServers()
{
    m_server->enqueue(ScriptedResponse::fromFixture(u"models/ollama_tags.http"_s));
    // A second port with nothing listening: refused at once, not detected.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    QUrl dead(u"http://127.0.0.1/v1"_s);
    dead.setPort(deadPort);
    LocalServerDetector detector(m_network, {{u"ollama"_s, m_server->baseUrl(QString())}, {u"lmstudio"_s, dead}});
    QSignalSpy finished(&detector, &LocalServerDetector::finished);
    detector.start(3'000);
    QVERIFY(finished.wait(10'000));
    const auto servers = finished.first().first().value<QList<DetectedServer>>();
    QCOMPARE(servers.size(), 1);
    QCOMPARE(servers[0].profile.presetId, u"ollama"_s);
    QCOMPARE(servers[0].profile.baseUrl, m_server->baseUrl(QString()));
    QCOMPARE(servers[0].models.size(), 2);
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
