// SPDX-License-Identifier: GPL-3.0-or-later
// The one answer engine, headless: an answer to the scripted offline provider records its token-arrival trace
// and the trace follows the scripted pace (first token, rate, end); traces stay a few hundred points however long
// the answer; a run destroyed mid-stream is saved as stopped with what arrived; a model that cannot be used is
// recorded as a failed answer without a request; the budget check blocks an expensive send.
#include "answer/AnswerEngine.h"
#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "offline/OfflineNetwork.h"
#include "offline/ScriptFiles.h"
#include "storage/HistoryDatabase.h"
#include "storage/HistoryService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

QString words(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(u"w%1"_s.arg(i));
    return list.join(u' ');
}

MessageRecord question(const QString& text)
{
    MessageRecord m;
    m.id = newRecordId();
    m.role = MessageRole::User;
    m.content = text;
    return m;
}

// The first point at or above `tokens`.
QPointF firstReaching(const QList<QPointF>& points, double tokens)
{
    for (const QPointF& p : points) {
        if (p.y() >= tokens)
            return p;
    }
    return {-1, -1};
}

} // namespace

class TestAnswerEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void traceFollowsTheScriptedPace();
    void traceStaysSmallForLongAnswers();
    void runDestroyedMidStreamIsSavedAsStopped();
    void unusableModelIsRecordedWithoutARequest();
    void budgetBlocksAnExpensiveSend();

private:
    AnswerRun* startAnswer(const QString& model, const QString& prompt);
    MessageRecord saved(const QString& messageId);

    std::unique_ptr<QTemporaryDir> m_dir;
    AppConfig m_config;
    std::unique_ptr<InsecureFileSecretStore> m_secrets;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<OfflineNetworkAccessManager> m_network;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<AnswerEngine> m_engine;
    ConversationRecord m_conversation;
};

void TestAnswerEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString script = m_dir->filePath(u"paced.json"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString answers = uR"([
        {"model": "steady", "ttft_ms": 400, "tokens_per_second": 40, "reply": "%1"},
        {"model": "long", "ttft_ms": 50, "tokens_per_second": 20, "reply": "%2"}
    ])"_s.arg(words(80), words(400));
    file.write(answers.toUtf8());
    file.close();

    m_config = AppConfig();
    ProviderProfile paced;
    paced.id = u"paced"_s;
    paced.presetId = u"scripted"_s;
    paced.dialect = ApiDialect::OpenAi;
    paced.auth = AuthStyle::None;
    paced.baseUrl = withScriptFile(QUrl(u"juxta-offline://scripted/v1"_s), script);
    ProviderProfile priced;
    priced.id = u"priced"_s;
    priced.presetId = u"custom"_s;
    priced.auth = AuthStyle::None;
    priced.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s); // never sent to: only estimated
    m_config.profiles = {paced, priced};
    ModelPrice price;
    price.base.input = 1;
    price.base.output = 10;
    m_config.priceOverrides.insert(u"priced/big"_s, price);

    m_secrets = std::make_unique<InsecureFileSecretStore>(m_dir->filePath(u"keys.json"_s));
    m_catalog = std::make_unique<ModelCatalog>(m_config);
    m_network = std::make_unique<OfflineNetworkAccessManager>();
    m_history = std::make_unique<HistoryService>(m_dir->filePath(u"history.sqlite"_s));
    m_engine = std::make_unique<AnswerEngine>(m_config, *m_secrets, *m_catalog, *m_network, m_history.get());
    m_engine->setRecordsSpending(false);
    m_conversation = ConversationRecord();
    m_conversation.id = newRecordId();
    m_conversation.title = u"engine"_s;
    m_conversation.createdAt = m_conversation.updatedAt = QDateTime::currentDateTimeUtc();
    const ConversationRecord record = m_conversation;
    m_history->write([record](ConversationStore& store) { return store.createConversation(record); });
}

void TestAnswerEngine::cleanup()
{
    m_engine.reset();
    m_history.reset();
    m_network.reset();
    m_catalog.reset();
    m_secrets.reset();
    m_dir.reset();
}

AnswerRun* TestAnswerEngine::startAnswer(const QString& model, const QString& prompt)
{
    MessageRecord q = question(prompt);
    q.conversationId = m_conversation.id;
    m_history->write([q](ConversationStore& store) { return store.saveMessage(q); });
    ChatSettings settings;
    settings.model = model;
    AnswerRun* run = nullptr;
    m_engine->prepare({q}, settings, this, [&](const PreparedAnswer& prepared) {
        QVERIFY2(prepared.isReady(), qPrintable(prepared.problems.join(u"; "_s)));
        run = m_engine->newRun(prepared, AnswerEngine::newAnswer(m_conversation.id, q.id, model), this);
    });
    if (!QTest::qWaitFor([&] { return run != nullptr; }, 5000))
        return nullptr;
    run->start();
    return run;
}

MessageRecord TestAnswerEngine::saved(const QString& messageId)
{
    m_history->flush();
    HistoryDatabase reader(m_dir->filePath(u"history.sqlite"_s));
    if (!reader.open().ok)
        return {};
    const std::optional<Conversation> c = reader.conversations().loadConversation(m_conversation.id);
    for (const MessageRecord& m : c ? c->messages : QList<MessageRecord>()) {
        if (m.id == messageId)
            return m;
    }
    return {};
}

void TestAnswerEngine::traceFollowsTheScriptedPace()
{
    AnswerRun* run = startAnswer(u"paced/steady"_s, u"Count for me"_s);
    QVERIFY(run);
    QSignalSpy finished(run, &AnswerRun::finished);
    QVERIFY(finished.wait(10'000));
    const MessageRecord answer = saved(run->answerId());
    QCOMPARE(answer.state, MessageState::Complete);
    QCOMPARE(answer.stats.outputTokens, std::optional<qint64>(80));

    HistoryDatabase reader(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(reader.open().ok);
    const QHash<QString, QByteArray> traces = reader.conversations().traces({answer.id});
    QVERIFY(traces.contains(answer.id));
    const QList<QPointF> points = ThroughputTrace::pointsFromJson(traces.value(answer.id));
    QVERIFY2(points.size() >= 10 && points.size() <= ThroughputTrace::kMaxPoints, qPrintable(QString::number(points.size())));
    QCOMPARE(points.constFirst(), QPointF(0, 0));
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY(points.at(i).x() >= points.at(i - 1).x() && points.at(i).y() >= points.at(i - 1).y());
    // Scripted: the first token after 400 ms, then 40 tokens a second: 80 tokens end at 2.4 s.
    const QPointF first = firstReaching(points, 0.5);
    QVERIFY2(first.x() >= 0.35 && first.x() <= 0.75, qPrintable(QString::number(first.x())));
    QCOMPARE(points.constLast().y(), 80.0); // in the provider's count
    QVERIFY2(points.constLast().x() >= 2.25 && points.constLast().x() <= 3.0,
             qPrintable(QString::number(points.constLast().x())));
    const QPointF quarter = firstReaching(points, 20);
    const QPointF threeQuarters = firstReaching(points, 60);
    const double rate = (threeQuarters.y() - quarter.y()) / (threeQuarters.x() - quarter.x());
    QVERIFY2(rate >= 34 && rate <= 46, qPrintable(QString::number(rate)));
}

void TestAnswerEngine::traceStaysSmallForLongAnswers()
{
    ThroughputTrace trace;
    for (qint64 ms = 0; ms <= 2 * 3600 * 1000; ms += 10) // two hours, a sample every 10 ms
        trace.add(double(ms), double(ms) / 50.0);
    QVERIFY2(trace.points().size() <= ThroughputTrace::kMaxPoints, qPrintable(QString::number(trace.points().size())));
    QVERIFY(trace.points().size() >= ThroughputTrace::kMaxPoints / 2);
    QCOMPARE(trace.points().constFirst(), QPointF(0, 0));
    QCOMPARE(trace.points().constLast(), QPointF(7200, 144000));
    const QList<QPointF> back = ThroughputTrace::pointsFromJson(trace.toJson());
    QCOMPARE(back.size(), trace.points().size());
    QCOMPARE(back.constLast(), trace.points().constLast());
    QVERIFY(ThroughputTrace::pointsFromJson("not json").isEmpty());
    QCOMPARE(ThroughputTrace::pointsFromJson("[[0,0],[\"x\",1],[1,2]]").size(), 2); // what can be read
}

void TestAnswerEngine::runDestroyedMidStreamIsSavedAsStopped()
{
    AnswerRun* run = startAnswer(u"paced/long"_s, u"A long one"_s);
    QVERIFY(run);
    const QString id = run->answerId();
    QTRY_VERIFY_WITH_TIMEOUT(run->transcript().length() > 40, 5000);
    const AnswerProgress progress = run->progress();
    QVERIFY(progress.firstTokenMs && progress.tokens > 5);
    QCOMPARE(progress.target, u"paced/long"_s);
    const QString arrived = run->transcript().text();
    delete run; // the window closed, the app quit
    const MessageRecord answer = saved(id);
    QCOMPARE(answer.state, MessageState::Stopped);
    QVERIFY(answer.content.startsWith(arrived));
    QVERIFY(words(400).startsWith(answer.content));
}

void TestAnswerEngine::unusableModelIsRecordedWithoutARequest()
{
    ChatSettings settings;
    settings.model = u"nosuch/model"_s;
    settings.fallbacks = {u"nosuch/model"_s, u"also/missing"_s};
    QCOMPARE(AnswerEngine::referencesOf(settings), (QStringList{u"nosuch/model"_s, u"also/missing"_s}));
    std::optional<PreparedAnswer> prepared;
    m_engine->prepare({question(u"Hello"_s)}, settings, this, [&](const PreparedAnswer& p) { prepared = p; });
    QTRY_VERIFY(prepared.has_value());
    QVERIFY(!prepared->isReady());
    QCOMPARE(prepared->problems.size(), 2);
    const MessageRecord failed = m_engine->recordUnsent(
        AnswerEngine::newAnswer(m_conversation.id, {}, settings.model), prepared->problems.join(u"; "_s));
    const MessageRecord answer = saved(failed.id);
    QCOMPARE(answer.state, MessageState::Failed);
    QCOMPARE(answer.stats.errorClass, u"configuration"_s);
    QVERIFY(answer.stats.errorMessage.contains(u"nosuch"_s));
}

void TestAnswerEngine::budgetBlocksAnExpensiveSend()
{
    ChatSettings settings;
    settings.model = u"priced/big"_s;
    settings.maxTokens = 10'000; // up to $0.10 of output
    const std::optional<SendEstimate> estimate = m_engine->estimate(settings, {u"Write a lot"_s});
    QVERIFY(estimate && estimate->cost && estimate->cost->max);
    std::optional<BudgetVerdict> verdict;
    m_engine->checkBudget(estimate->cost, this, [&](const BudgetVerdict& v) { verdict = v; });
    QVERIFY(verdict); // no limit: at once
    QCOMPARE(verdict->kind, BudgetVerdict::Kind::Allow);
    m_config.budget.perRequestUsd = 0.01;
    m_config.budget.action = BudgetLimits::Action::Block;
    verdict.reset();
    m_engine->checkBudget(estimate->cost, this, [&](const BudgetVerdict& v) { verdict = v; });
    QTRY_VERIFY(verdict); // today's spending is read on the history's thread
    QCOMPARE(verdict->kind, BudgetVerdict::Kind::Block);
}

QTEST_GUILESS_MAIN(TestAnswerEngine)
#include "TestAnswerEngine.moc"
