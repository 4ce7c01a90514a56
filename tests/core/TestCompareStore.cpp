// SPDX-License-Identifier: GPL-3.0-or-later
// Comparisons in a real SQLite history: setup JSON round trip and per-column settings, columns as conversations
// kept out of the chat list, reorder, delete; ratings, votes into the leaderboard, the request log's figures per
// model; and the run figures (fastest / cheapest / longest marks, the throughput trace).
#include "compare/CompareFigures.h"
#include "compare/CompareSetup.h"
#include "compare/Leaderboard.h"
#include "storage/ComparisonStore.h"
#include "storage/HistoryDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

ConversationRecord column(const QString& id)
{
    ConversationRecord c;
    c.id = id;
    c.title = id;
    c.createdAt = c.updatedAt = QDateTime::currentDateTimeUtc();
    return c;
}

MessageRecord message(const QString& id, const QString& conversation, MessageRole role, const QString& text)
{
    MessageRecord m;
    m.id = id;
    m.conversationId = conversation;
    m.role = role;
    m.content = text;
    m.createdAt = QDateTime::currentDateTimeUtc();
    return m;
}

AttemptLogRow served(const QString& messageId, const QString& target, double ttft, double total, qint64 out,
                     std::optional<double> cost)
{
    AttemptLogRow r;
    r.messageId = messageId;
    r.target = target;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.ttftMs = ttft;
    r.totalMs = total;
    r.outputTokens = out;
    r.costUsd = cost;
    return r;
}

} // namespace

class TestCompareStore : public QObject
{
    Q_OBJECT

private slots:
    void setupRoundTripsAndMergesOverrides();
    void setupDropsMalformedParts();
    void comparisonsAreSavedReorderedAndDeleted();
    void ratingsVotesAndUsage();
    void marks_data();
    void marks();
    void throughputTraceMergesCloseSamples();
};

void TestCompareStore::setupRoundTripsAndMergesOverrides()
{
    CompareSetup setup;
    setup.shared.systemPrompt = u"Be brief."_s;
    setup.shared.temperature = 0.7;
    setup.shared.maxTokens = 500;
    CompareColumnSetup a;
    a.overrides.model = u"openai/gpt-4o"_s;
    CompareColumnSetup b;
    b.overrides.model = u"openai/gpt-4o"_s;
    b.overrides.temperature = 0.0;
    b.overrides.systemPrompt = u"Be thorough."_s;
    CompareColumnSetup c;
    c.overrides.model = u"anthropic/claude-haiku"_s;
    c.hidden = true;
    setup.columns = {a, b, c};
    setup.repeat = 3;
    setup.concurrentRepeats = true;
    setup.blind = true;

    QCOMPARE(CompareSetup::fromJson(setup.toJson()), setup);

    const ChatSettings first = setup.settingsFor(0);
    QCOMPARE(first.model, u"openai/gpt-4o"_s);
    QCOMPARE(first.temperature, 0.7);
    QCOMPARE(first.systemPrompt, u"Be brief."_s);
    const ChatSettings second = setup.settingsFor(1);
    QCOMPARE(second.temperature, 0.0); // an override of zero is an override, not "unset"
    QCOMPARE(second.maxTokens, 500);
    QCOMPARE(second.systemPrompt, u"Be thorough."_s);

    QCOMPARE(setup.columnLabel(0), u"openai/gpt-4o"_s);
    QCOMPARE(setup.columnLabel(1), u"openai/gpt-4o · t 0, own system prompt"_s);
    QCOMPARE(setup.columnLabel(2), u"anthropic/claude-haiku"_s);
    setup.columns[1].overrides = a.overrides; // the same model twice with the same settings: told apart by place
    QCOMPARE(setup.columnLabel(0), u"openai/gpt-4o · #1"_s);
    QCOMPARE(setup.columnLabel(1), u"openai/gpt-4o · #2"_s);
}

void TestCompareStore::setupDropsMalformedParts()
{
    const CompareSetup setup = CompareSetup::fromJson(
        R"({"columns":[{"model":"a/x"},42,{"temperature":1},{"model":"b/y","hidden":true}],"repeat":-4,"shared":7})");
    QCOMPARE(setup.columns.size(), 2);
    QCOMPARE(setup.columns.at(1).overrides.model, u"b/y"_s);
    QVERIFY(setup.columns.at(1).hidden);
    QCOMPARE(setup.repeat, 1);
    QCOMPARE(CompareSetup::fromJson("not json").columns.size(), 0);
}

void TestCompareStore::comparisonsAreSavedReorderedAndDeleted()
{
    QTemporaryDir dir;
    HistoryDatabase db(dir.filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    ConversationStore& conversations = db.conversations();
    ComparisonStore store(conversations);

    ConversationRecord chat = column(u"chat"_s);
    QVERIFY(conversations.createConversation(chat));

    ComparisonRecord record;
    record.id = u"cmp"_s;
    record.title = u"Summaries"_s;
    record.createdAt = record.updatedAt = QDateTime::currentDateTimeUtc();
    record.setupJson = R"({"columns":[{"model":"a/x"},{"model":"b/y"}]})";
    QVERIFY2(store.createComparison(record, {column(u"col-a"_s), column(u"col-b"_s)}), qPrintable(store.lastError()));
    QVERIFY(conversations.saveMessage(message(u"q"_s, u"col-a"_s, MessageRole::User, u"Why?"_s)));
    MessageRecord answer = message(u"ans"_s, u"col-a"_s, MessageRole::Assistant, u"Because."_s);
    answer.parentId = u"q"_s;
    QVERIFY(conversations.saveMessage(answer));

    // Columns belong to their comparison, not to the chat list.
    const QList<ConversationRecord> chats = conversations.listConversations();
    QCOMPARE(chats.size(), 1);
    QCOMPARE(chats.constFirst().id, u"chat"_s);

    std::optional<SavedComparison> saved = store.loadComparison(u"cmp"_s);
    QVERIFY(saved);
    QCOMPARE(saved->record.title, u"Summaries"_s);
    QCOMPARE(saved->columns.size(), 2);
    QCOMPARE(saved->columns.at(0).record.id, u"col-a"_s);
    QCOMPARE(saved->columns.at(0).messages.size(), 2);
    QVERIFY(!saved->voted);

    QVERIFY(store.saveSetup(u"cmp"_s, R"({"columns":[{"model":"b/y"},{"model":"a/x"}]})", {u"col-b"_s, u"col-a"_s}));
    saved = store.loadComparison(u"cmp"_s);
    QCOMPARE(saved->columns.at(0).record.id, u"col-b"_s);
    QCOMPARE(CompareSetup::fromJson(saved->record.setupJson).columns.at(0).overrides.model, u"b/y"_s);

    QCOMPARE(store.listComparisons(u"b/Y"_s).size(), 1); // a model it ran, case-insensitive
    QCOMPARE(store.listComparisons(u"summ"_s).size(), 1);
    QCOMPARE(store.listComparisons(u"nothing like it"_s).size(), 0);

    QVERIFY(store.deleteComparison(u"cmp"_s));
    QVERIFY(!store.loadComparison(u"cmp"_s));
    QVERIFY(!conversations.loadConversation(u"col-a"_s));
    QVERIFY(conversations.loadConversation(u"chat"_s)); // nothing else went with it
}

void TestCompareStore::ratingsVotesAndUsage()
{
    QTemporaryDir dir;
    HistoryDatabase db(dir.filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    ComparisonStore store(db.conversations());

    QVERIFY(store.rate(u"m1"_s, u"a/x"_s, 1));
    QVERIFY(store.rate(u"m2"_s, u"b/y"_s, -5)); // any negative score is a thumbs down
    QVERIFY(store.rate(u"m3"_s, u"b/y"_s, 1));
    QVERIFY(store.rate(u"m3"_s, u"b/y"_s, 0)); // withdrawn
    const QHash<QString, int> ratings = store.ratings({u"m1"_s, u"m2"_s, u"m3"_s});
    QCOMPARE(ratings.value(u"m1"_s), 1);
    QCOMPARE(ratings.value(u"m2"_s), -1);
    QVERIFY(!ratings.contains(u"m3"_s));

    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    VoteRow first{u"cmp"_s, u"m1"_s, u"m2"_s, {u"a/x"_s, u"b/y"_s, PairVote::Result::FirstWins, t0}, true};
    VoteRow second{u"cmp"_s, u"m1"_s, u"m2"_s, {u"a/x"_s, u"b/y"_s, PairVote::Result::Tie, t0.addSecs(5)}, false};
    QVERIFY(store.recordVotes({second, first}));
    const QList<PairVote> votes = store.votes();
    QCOMPARE(votes.size(), 2);
    QCOMPARE(votes.at(0).result, PairVote::Result::FirstWins); // time order, not insertion order
    const QList<LeaderboardRow> board = leaderboardOf(votes);
    QCOMPARE(board.constFirst().model, u"a/x"_s);
    QCOMPARE(board.constFirst().wins, 1);
    QCOMPARE(board.constFirst().ties, 1);

    AttemptLogRow failed = served(u"m9"_s, u"a/x"_s, 0, 0, 0, std::nullopt);
    failed.errorClass = u"rate_limited"_s;
    QVERIFY(db.conversations().logAttempts({
        served(u"m1"_s, u"a/x"_s, 200, 1000, 100, 0.002), served(u"m4"_s, u"a/x"_s, 300, 3000, 300, 0.006),
        served(u"m2"_s, u"b/y"_s, 100, 500, 50, std::nullopt), failed}));
    const QList<UsagePoint> points = store.usagePoints();
    QCOMPARE(points.size(), 3); // the failed attempt says nothing about speed or price
    const QList<ModelUsage> usage = usageByModel(points);
    QCOMPARE(usage.size(), 2);
    QCOMPARE(usage.at(0).target, u"a/x"_s);
    QCOMPARE(usage.at(0).requests, 2);
    QCOMPARE(usage.at(0).ratedUp, 1);
    QCOMPARE(usage.at(0).total->median, 2000.0); // the middle of two
    QCOMPARE(usage.at(0).total->max, 3000.0);
    QVERIFY(qFuzzyCompare(*usage.at(0).costPer1kOutput, 0.008 / 400 * 1000));
    QCOMPARE(usage.at(1).ratedDown, 1);
    QVERIFY(!usage.at(1).costPer1kOutput); // price unknown is not "free"
}

void TestCompareStore::marks_data()
{
    QTest::addColumn<QList<ColumnFigures>>("columns");
    QTest::addColumn<int>("fastest");
    QTest::addColumn<int>("cheapest");
    QTest::addColumn<int>("longest");

    const auto figures = [](bool ok, double total, std::optional<double> cost, qint64 tokens) {
        ColumnFigures f;
        f.succeeded = ok;
        f.ttftMs = total / 4;
        f.totalMs = total;
        f.costUsd = cost;
        f.outputTokens = tokens;
        return f;
    };
    QTest::newRow("three") << QList{figures(true, 900, 0.01, 100), figures(true, 400, 0.03, 300),
                                    figures(true, 1200, 0.002, 50)} << 1 << 2 << 1;
    QTest::newRow("a failed column is never best")
        << QList{figures(false, 10, 0.0, 1000), figures(true, 400, 0.03, 300), figures(true, 800, 0.01, 200)}
        << 1 << 2 << 1;
    QTest::newRow("one contestant is no contest")
        << QList{figures(true, 400, 0.03, 300), figures(false, 10, 0.0, 1000)} << -1 << -1 << -1;
    QTest::newRow("unknown prices are left out")
        << QList{figures(true, 400, std::nullopt, 300), figures(true, 800, 0.01, 200), figures(true, 900, 0.02, 10)}
        << 0 << 1 << 0;
    QTest::newRow("a shared best earns nobody the mark")
        << QList{figures(true, 400, 0.0, 300), figures(true, 800, 0.0, 300), figures(true, 900, 0.0, 10)}
        << 0 << -1 << -1;
}

void TestCompareStore::marks()
{
    QFETCH(QList<ColumnFigures>, columns);
    const CompareMarks m = marksOf(columns);
    QTEST(m.fastest, "fastest");
    QTEST(m.cheapest, "cheapest");
    QTEST(m.longest, "longest");
}

void TestCompareStore::throughputTraceMergesCloseSamples()
{
    ThroughputTrace trace(100);
    for (int ms = 0; ms <= 30000; ms += 10) // 30 s of samples every 10 ms
        trace.add(ms, ms / 10.0);
    QVERIFY2(trace.points().size() <= 360, QByteArray::number(trace.points().size()).constData());
    QVERIFY(trace.points().size() >= 250);
    QCOMPARE(trace.points().constFirst(), QPointF(0, 0));
    QCOMPARE(trace.points().constLast(), QPointF(30, 3000)); // the newest sample is always kept
    for (qsizetype i = 1; i < trace.points().size(); ++i)
        QVERIFY(trace.points().at(i).x() > trace.points().at(i - 1).x());
    trace.add(10'000, 5); // earlier than the last point: ignored, the line stays sorted
    QCOMPARE(trace.points().constLast(), QPointF(30, 3000));
    trace.scaleTo(1500); // the provider's real count replaces the estimate
    QCOMPARE(trace.points().constLast().y(), 1500.0);
}

QTEST_GUILESS_MAIN(TestCompareStore)
#include "TestCompareStore.moc"
