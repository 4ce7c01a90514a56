// SPDX-License-Identifier: GPL-3.0-or-later
// Reports from a real SQLite history: a comparison (three models, two runs each, votes, ratings, a trace, an
// unknown price, a failure, a 3 ms answer), a pipeline run and a conversation, written in every format and read back
// — HTML with QXmlStreamReader, CSV with the CSV reader, JSON against the shipped schema — with the figures checked
// against what was stored and hostile answers checked inert and intact.
#include "ReportChecks.h"

#include "compare/CompareSetup.h"
#include "pipeline/PipelineFile.h"
#include "report/FigureFormat.h"
#include "report/ReportBuilder.h"
#include "report/ReportFile.h"
#include "report/ReportVerdict.h"
#include "report/ReportWriters.h"
#include "storage/BatchStore.h"
#include "storage/HistoryDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

const QString kHostile = u"<script>alert(1)</script> <img src=\"http://evil.example/x.png\"> "
                         "[click](javascript:alert(2)) <div style=\"background:url(http://evil.example/bg)\">x</div> "
                         "![t](http://evil.example/t.png) bell\u0001 escape\u001b[31m & \"quotes\" 'single'"_s;

MessageRecord message(const QString& id, const QString& conversation, const QString& parent, MessageRole role,
                      const QString& text)
{
    MessageRecord m;
    m.id = id;
    m.conversationId = conversation;
    m.parentId = parent;
    m.role = role;
    m.content = text;
    m.createdAt = QDateTime::currentDateTimeUtc();
    return m;
}

MessageRecord answer(const QString& id, const QString& column, const QString& model, const QString& text, double ttft,
                     double total, std::optional<double> cost, qint64 out = 100)
{
    MessageRecord m = message(id, column, u"q-"_s + column, MessageRole::Assistant, text);
    m.stats.requestedModel = model;
    m.stats.servedBy = model;
    m.stats.servedModel = model.section(u'/', 1);
    m.stats.ttftMs = ttft;
    m.stats.totalMs = total;
    m.stats.tokensPerSecond = out / ((total - ttft) / 1000.0);
    m.stats.inputTokens = 40;
    m.stats.outputTokens = out;
    m.stats.costUsd = cost;
    m.stats.finishReason = u"stop"_s;
    return m;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QJsonObject* modelNamed(const QJsonArray& models, const QString& name, QJsonObject& holder)
{
    for (const QJsonValue& v : models)
        if (v.toObject().value(u"model"_s).toString() == name) {
            holder = v.toObject();
            return &holder;
        }
    return nullptr;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void comparisonInEveryFormat();
    void verdictNeedsFiveVotesAndNamesUnknownPrices();
    void oneRunHasNoPercentiles();
    void markdownKeepsHostileTextInert();
    void markdownFencesAreOurOwn_data();
    void markdownFencesAreOurOwn();
    void pipelineRunReport();
    void conversationWithAHugeAnswer();
    void batchAggregatesAndMeasuresSavings();
    void formatsByExtensionAndIncludeList();

private:
    void storeComparison();
    std::optional<Report> build(ReportKind kind, const QString& id, ReportOptions options = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_db;
};

void TestReport::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<HistoryDatabase>(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(m_db->open().ok);
}

std::optional<Report> TestReport::build(ReportKind kind, const QString& id, ReportOptions options)
{
    QString error;
    std::optional<Report> report = buildReport(m_db->conversations(), kind, id, options, error);
    if (!report)
        qWarning("%s", qPrintable(error));
    return report;
}

// Three models × two runs. "cloud/small" is fastest and cheapest and gets 3 of 5 "★ Best" votes; "local/llama" has
// no price, one 3 ms answer and one failure.
void TestReport::storeComparison()
{
    ConversationStore& conversations = m_db->conversations();
    ComparisonStore store(conversations);
    CompareSetup setup;
    for (const QString& model : {u"cloud/big"_s, u"cloud/small"_s, u"local/llama"_s}) {
        CompareColumnSetup c;
        c.overrides.model = model;
        setup.columns.append(c);
    }
    setup.shared.systemPrompt = u"Be brief."_s;
    setup.shared.temperature = 0.2;
    setup.repeat = 2;
    ComparisonRecord record{u"cmp"_s, u"Support summaries"_s, QDateTime::currentDateTimeUtc(),
                            QDateTime::currentDateTimeUtc(), setup.toJson()};
    QList<ConversationRecord> columns;
    for (const QString& id : {u"a"_s, u"b"_s, u"c"_s}) {
        ConversationRecord c;
        c.id = id;
        c.createdAt = c.updatedAt = QDateTime::currentDateTimeUtc();
        columns.append(c);
    }
    QVERIFY(store.createComparison(record, columns));
    for (const QString& column : {u"a"_s, u"b"_s, u"c"_s})
        QVERIFY(conversations.saveMessage(message(u"q-"_s + column, column, {}, MessageRole::User, u"Summarize the ticket."_s)));

    QVERIFY(conversations.saveMessage(answer(u"a1"_s, u"a"_s, u"cloud/big"_s, kHostile, 400, 2400, 0.0030)));
    QVERIFY(conversations.saveMessage(answer(u"a2"_s, u"a"_s, u"cloud/big"_s, u"Fine."_s, 500, 2600, 0.0034)));
    QVERIFY(conversations.saveMessage(answer(u"b1"_s, u"b"_s, u"cloud/small"_s, u"Short."_s, 200, 900, 0.0010)));
    QVERIFY(conversations.saveMessage(answer(u"b2"_s, u"b"_s, u"cloud/small"_s, u"=SUM(A1:A2) -1 @me"_s, 250, 1100, 0.0011)));
    MessageRecord quick = answer(u"c1"_s, u"c"_s, u"local/llama"_s, u"Quick."_s, 3000, 3003, std::nullopt, 22'321);
    quick.stats.tokensPerSecond = 7'440'476; // as the old timer measured a burst over 3 ms
    QVERIFY(conversations.saveMessage(quick));
    MessageRecord failed = answer(u"c2"_s, u"c"_s, u"local/llama"_s, u"Partial"_s, 100, 300, std::nullopt, 0);
    failed.state = MessageState::Failed;
    failed.stats.outputTokens.reset();
    failed.stats.errorClass = u"rate_limited"_s;
    failed.stats.errorMessage = u"Too many requests"_s;
    failed.stats.fallbackNotes = {u"local/llama: rate limited (HTTP 429)"_s};
    QVERIFY(conversations.saveMessage(failed));
    QVERIFY(conversations.saveTrace(u"a1"_s, "[[0.4,1],[1.2,50],[2.4,100]]"));

    QVERIFY(store.rate(u"b1"_s, u"cloud/small"_s, 1));
    QVERIFY(store.rate(u"a1"_s, u"cloud/big"_s, -1));
    // Five "★ Best" votes: each is a win over both other columns at one moment.
    QList<VoteRow> votes;
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const auto best = [&](const QString& winner, const QString& model, const QStringList& others, int second) {
        for (const QString& other : others)
            votes.append({u"cmp"_s, winner, other, {model, u"x/y"_s, PairVote::Result::FirstWins, t0.addSecs(second)}, false});
    };
    best(u"b1"_s, u"cloud/small"_s, {u"a1"_s, u"c1"_s}, 1);
    best(u"b2"_s, u"cloud/small"_s, {u"a2"_s, u"c1"_s}, 2);
    best(u"b1"_s, u"cloud/small"_s, {u"a1"_s, u"c1"_s}, 3);
    best(u"a1"_s, u"cloud/big"_s, {u"b1"_s, u"c1"_s}, 4);
    best(u"a2"_s, u"cloud/big"_s, {u"b2"_s, u"c1"_s}, 5);
    QVERIFY(store.recordVotes(votes));
}

void TestReport::comparisonInEveryFormat()
{
    storeComparison();
    ReportOptions options;
    options.reasoning = options.diff = true;
    const std::optional<Report> report = build(ReportKind::Comparison, u"cmp"_s, options);
    QVERIFY(report);
    QCOMPARE(report->answers.size(), 6);
    QCOMPARE(report->voteCount, 5);

    // HTML: well-formed, inert, with the stored figures and the hostile text intact.
    const QByteArray html = reportHtml(*report);
    const HtmlReading reading = readReportHtml(html);
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY2(reading.text.contains(QString(kHostile).replace(u'\u0001', u'\u2401').replace(u'\u001b', u'\u241b')),
             qPrintable(reading.text.left(2000)));
    QVERIFY(!html.contains("<script") && !html.contains("<img"));
    QVERIFY(reading.svgCount >= 3); // latency, cost, tokens over time, repeats
    for (const QString& id : {u"verdict"_s, u"figures"_s, u"charts"_s, u"answers"_s, u"votes"_s, u"attempts"_s, u"diff"_s})
        QVERIFY2(reading.ids.contains(id), qPrintable(id));
    const std::optional<Distribution> smallTotal = distributionOf({900, 1100});
    QVERIFY(reading.text.contains(formatDuration(smallTotal->median)));
    QVERIFY(reading.text.contains(u"p95 "_s + formatDuration(smallTotal->p95)));
    QVERIFY(reading.text.contains(u"Fastest: cloud/small"_s));
    QVERIFY(reading.text.contains(u"Best rated: cloud/small — chosen best in 3 of 5 votes."_s));
    QVERIFY(!reading.text.contains(u"7,440,476"_s) && !reading.text.contains(u"7440476"_s));
    QVERIFY(!html.contains(m_dir->path().toUtf8())); // no local path the user did not write

    // CSV: one row per answer, C-locale numbers, the answer alone in its column, formulas defused.
    QString csvError;
    const QList<QStringList> rows = readCsv(reportCsv(*report), &csvError);
    QVERIFY2(csvError.isEmpty(), qPrintable(csvError));
    QCOMPARE(rows.size(), 7);
    const QStringList header = rows.at(0);
    const auto col = [&](const QString& name) { return int(header.indexOf(name)); };
    QVERIFY(col(u"answer"_s) >= 0 && col(u"verdict"_s) >= 0 && col(u"flags"_s) >= 0);
    QHash<QString, QStringList> byAnswer;
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).size(), header.size());
        const QString model = rows.at(i).at(col(u"model"_s));
        byAnswer.insert(model + rows.at(i).at(col(u"repeat"_s)), rows.at(i));
    }
    QCOMPARE(byAnswer.value(u"cloud/big1"_s).at(col(u"answer"_s)), kHostile);
    QCOMPARE(byAnswer.value(u"cloud/small2"_s).at(col(u"answer"_s)), u"'=SUM(A1:A2) -1 @me"_s);
    QCOMPARE(byAnswer.value(u"cloud/small1"_s).at(col(u"total_ms"_s)), u"900"_s);
    QCOMPARE(byAnswer.value(u"cloud/small1"_s).at(col(u"cost_usd"_s)).toDouble(), 0.0010);
    QCOMPARE(byAnswer.value(u"cloud/small1"_s).at(col(u"rating"_s)), u"1"_s);
    QCOMPARE(byAnswer.value(u"cloud/small1"_s).at(col(u"verdict"_s)), u"fastest;cheapest;best_rated"_s);
    QCOMPARE(byAnswer.value(u"local/llama1"_s).at(col(u"tokens_per_second"_s)), QString()); // 3 ms: no rate
    QCOMPARE(byAnswer.value(u"local/llama1"_s).at(col(u"cost_usd"_s)), QString());           // unknown, not 0
    QCOMPARE(byAnswer.value(u"local/llama2"_s).at(col(u"flags"_s)), u"fallback;incomplete"_s);
    QCOMPARE(byAnswer.value(u"cloud/big1"_s).at(col(u"tokens_per_second"_s)).toDouble(), 50.0);

    // JSON: valid against the schema, figures as stored.
    const QString jsonPath = m_dir->filePath(u"report.json"_s);
    QVERIFY(writeReportFile(*report, ReportFormat::Json, jsonPath).ok);
    QString problems = schemaProblems(jsonPath);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonObject json = QJsonDocument::fromJson(readAll(jsonPath)).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"juxta.report"_s);
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    QJsonObject small;
    QVERIFY(modelNamed(json.value(u"models"_s).toArray(), u"cloud/small"_s, small));
    QCOMPARE(small.value(u"total_ms"_s).toObject().value(u"median"_s).toDouble(), smallTotal->median);
    QCOMPARE(small.value(u"cost_usd"_s).toDouble(), 0.0021);
    QCOMPARE(small.value(u"best_votes"_s).toInt(), 3);
    const QJsonObject totals = json.value(u"totals"_s).toObject();
    QVERIFY(totals.value(u"cost_usd"_s).isNull());
    QCOMPARE(totals.value(u"unpriced_models"_s).toArray(), QJsonArray{u"local/llama"_s});
    bool sawHostile = false, sawQuick = false;
    for (const QJsonValue& v : json.value(u"outputs"_s).toArray()) {
        const QJsonObject o = v.toObject();
        sawHostile = sawHostile || o.value(u"content"_s).toString() == kHostile;
        if (o.value(u"id"_s).toString() == u"c1"_s) {
            sawQuick = true;
            QVERIFY(o.value(u"tokens_per_second"_s).isNull());
        }
    }
    QVERIFY(sawHostile && sawQuick);
    QCOMPARE(json.value(u"votes"_s).toObject().value(u"count"_s).toInt(), 5);
    const QJsonObject diff = json.value(u"diff"_s).toObject();
    QCOMPARE(diff.value(u"from"_s).toString(), u"a1"_s);
    QCOMPARE(diff.value(u"to"_s).toString(), u"b1"_s);
    QVERIFY(!diff.value(u"spans"_s).toArray().isEmpty());
    const QString md = reportMarkdown(*report, {});
    QVERIFY2(md.contains(u"## Word diff of the first two answers"_s) && md.contains(u"{+Short+}"_s), qPrintable(md.mid(md.indexOf(u"## Word diff"_s), 600)));
}

void TestReport::verdictNeedsFiveVotesAndNamesUnknownPrices()
{
    storeComparison();
    ComparisonStore store(m_db->conversations());
    const std::optional<SavedComparison> saved = store.loadComparison(u"cmp"_s);
    QVERIFY(saved);
    QList<VoteRow> votes = store.votesOf(u"cmp"_s);
    QCOMPARE(votes.size(), 10);
    votes.removeLast();
    votes.removeLast(); // four votes
    const Report four = comparisonReport(*saved, votes, {}, {});
    QStringList kinds;
    for (const ReportClaim& c : four.verdict)
        kinds.append(c.kind);
    QCOMPARE(kinds, (QStringList{u"fastest"_s, u"cheapest"_s, u"unknown_prices"_s, u"no_quality_claim"_s}));
    QCOMPARE(four.verdict.last().sampleSize, 4);
    QVERIFY(four.verdict.at(2).text.contains(u"local/llama"_s));
    QCOMPARE(four.verdict.at(0).sampleSize, 2); // the median rests on two answers
    QVERIFY(four.verdict.at(0).text.contains(u"over 2 answers"_s));

    // Two models chosen best as often: no single best is named.
    QList<VoteRow> tied = store.votesOf(u"cmp"_s).mid(0, 4); // small best twice
    const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(60);
    for (int i = 0; i < 2; ++i)
        tied.append({u"cmp"_s, u"a1"_s, u"b1"_s, {u"cloud/big"_s, u"cloud/small"_s, PairVote::Result::FirstWins, t.addSecs(i)}, false});
    tied.append({u"cmp"_s, u"a1"_s, u"b1"_s, {u"cloud/big"_s, u"cloud/small"_s, PairVote::Result::Tie, t.addSecs(9)}, false});
    const Report even = comparisonReport(*saved, tied, {}, {});
    QCOMPARE(even.voteCount, 5);
    QCOMPARE(even.verdict.last().kind, u"no_quality_claim"_s);
    QVERIFY2(even.verdict.last().text.contains(u"were each chosen best 2 times in 5 votes"_s), qPrintable(even.verdict.last().text));
}

void TestReport::oneRunHasNoPercentiles()
{
    ConversationStore& conversations = m_db->conversations();
    ComparisonStore store(conversations);
    CompareSetup setup;
    for (const QString& model : {u"cloud/big"_s, u"cloud/small"_s}) {
        CompareColumnSetup c;
        c.overrides.model = model;
        setup.columns.append(c);
    }
    ConversationRecord a, b;
    a.id = u"a"_s;
    b.id = u"b"_s;
    QVERIFY(store.createComparison({u"one"_s, {}, QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc(),
                                    setup.toJson()}, {a, b}));
    for (const QString& column : {u"a"_s, u"b"_s})
        QVERIFY(conversations.saveMessage(message(u"q-"_s + column, column, {}, MessageRole::User, u"Hi"_s)));
    QVERIFY(conversations.saveMessage(answer(u"a1"_s, u"a"_s, u"cloud/big"_s, u"Hello"_s, 300, 1300, 0.002)));
    QVERIFY(conversations.saveMessage(answer(u"b1"_s, u"b"_s, u"cloud/small"_s, u"Hi"_s, 100, 600, 0.001)));
    const std::optional<Report> report = build(ReportKind::Comparison, u"one"_s);
    QVERIFY(report);
    const HtmlReading reading = readReportHtml(reportHtml(*report));
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY(!reading.text.contains(u"p95"_s));
    QVERIFY(reading.text.contains(u"Fastest: cloud/small — total 600 ms in its one answer"_s));
    const QJsonObject json = QJsonDocument::fromJson(reportJson(*report)).object();
    QVERIFY(json.value(u"models"_s).toArray().at(0).toObject().value(u"total_ms"_s).toObject().value(u"p95"_s).isNull());
    QCOMPARE(reportCsv(*report).count('\n'), 3);
}

void TestReport::markdownKeepsHostileTextInert()
{
    storeComparison();
    const std::optional<Report> report = build(ReportKind::Comparison, u"cmp"_s);
    QVERIFY(report);
    const QString path = m_dir->filePath(u"out/report.md"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
    const ReportWriteResult written = writeReportFile(*report, ReportFormat::Markdown, path);
    QVERIFY2(written.ok, qPrintable(written.error));
    QVERIFY(written.written.size() >= 4); // the report and its charts
    const QString md = QString::fromUtf8(readAll(path));
    QVERIFY(md.contains(u"| Model |"_s));
    QVERIFY(md.contains(u"![Latency (median)](<report.latency.svg>)"_s));
    QVERIFY(!md.contains(u"<script>"_s) && md.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
    QVERIFY(!md.contains(u"<img"_s) && !md.contains(u"<div style"_s));
    QVERIFY(md.contains(u"]\\(javascript:alert(2))"_s));
    QVERIFY(md.contains(u"!\\[t](http://evil.example/t.png)"_s));
    QVERIFY(md.contains(u"bell\u2401"_s));
    for (const QString& file : written.written.mid(1)) {
        QVERIFY(file.endsWith(u".svg"_s));
        QXmlStreamReader svg(readAll(file));
        while (!svg.atEnd())
            svg.readNext();
        QVERIFY2(!svg.hasError(), qPrintable(file + u": "_s + svg.errorString()));
    }
}

void TestReport::markdownFencesAreOurOwn_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("kept"); // a piece the reader must still see
    QTest::newRow("a lone CR closes a fence for a renderer") << u"```\n```\r<img src=\"http://e/x.png\">"_s << u"img src"_s;
    QTest::newRow("inline code is no fence") << u"```x```\n<script>alert(1)</script>"_s << u"alert(1)"_s;
    QTest::newRow("a shorter fence does not close") << u"````\nx\n```js\n<b>in code</b>\n````\n<script>after</script>"_s
                                                    << u"<b>in code</b>"_s;
    QTest::newRow("an unclosed fence") << u"````\n<script>x</script>"_s << u"<script>x</script>"_s;
    QTest::newRow("a script link with an escaped colon") << u"[x](javascript\\:alert(1))"_s << u"javascript"_s;
    QTest::newRow("a script link on the next line") << u"[x](\njavascript:alert(1))"_s << u"javascript"_s;
    QTest::newRow("a reference to a script") << u"[x][r]\n\n[r]: javascript:alert(1)"_s << u"javascript"_s;
    QTest::newRow("an image") << u"![](http://evil.example/p.png)"_s << u"evil.example"_s;
}

// Outside our own fenced blocks (opened by a line of backticks, closed by the same line, as CommonMark reads them)
// nothing may be raw HTML, an image or a link to a script; the text itself must still be there.
void TestReport::markdownFencesAreOurOwn()
{
    QFETCH(QString, answer);
    QFETCH(QString, kept);
    Report r;
    r.kind = ReportKind::Conversation;
    r.id = u"x"_s;
    ReportAnswer a;
    a.content = answer;
    a.model = u"m"_s;
    r.answers = {a};
    r.messages = {{MessageRole::User, u"q"_s, {}, MessageState::Complete, {}, {}},
                  {MessageRole::Assistant, answer, {}, MessageState::Complete, {}, {}}};
    const QString md = reportMarkdown(r, {});
    QVERIFY2(md.contains(kept) || md.contains(QString(kept).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s)),
             qPrintable(md));
    QString fence;
    static const QRegularExpression active(u"<[a-zA-Z/!]|!\\[|\\]\\(\\s*javascript|^\\s{0,3}\\[[^\\]]*\\]:\\s*javascript"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    for (const QString& line : md.split(u'\n')) {
        const qsizetype run = line.indexOf(QRegularExpression(u"[^`]"_s)) < 0 ? line.size()
                                                                                : line.indexOf(QRegularExpression(u"[^`]"_s));
        if (fence.isEmpty() && run >= 3 && !line.mid(run).contains(u'`')) { // an info string holds no backtick
            fence = line.left(run);
            continue;
        }
        if (!fence.isEmpty()) {
            if (line == fence)
                fence.clear();
            continue;
        }
        QVERIFY2(!line.contains(active) || line.startsWith(u"### "_s), qPrintable(u"active outside code: "_s + line + u"\n---\n"_s + md));
    }
    QVERIFY2(fence.isEmpty(), qPrintable(u"a fence left open swallows the rest:\n"_s + md));
    QVERIFY(!md.contains(u'\r'));
}

void TestReport::pipelineRunReport()
{
    QString error;
    const std::optional<Pipeline> pipeline =
        loadPipelineFile(QStringLiteral(JUXTA_EXAMPLES_DIR "/summarize-then-format.juxta"), error);
    QVERIFY2(pipeline, qPrintable(error));
    RunStore runs(m_db->conversations());
    PipelineRunRow row;
    row.id = u"run1"_s;
    row.name = pipeline->name;
    row.pipelineJson = writePipeline(*pipeline);
    row.variablesJson = R"({"article":"A long text about <b>tests</b>."})";
    row.startedAt = QDateTime::currentDateTimeUtc();
    row.state = u"running"_s;
    row.conversationId = u"run1-conversation"_s;
    QVERIFY2(runs.createRun(row), qPrintable(runs.lastError()));

    RunRecord record;
    record.id = row.id;
    const auto node = [&](const QString& name, const QString& kind, NodeState state, double start, double end) {
        NodeRun n;
        n.node = name;
        n.kind = kind;
        n.state = state;
        n.startedMs = start;
        n.finishedMs = end;
        n.output = StepValue::ofText(name + u" output <script>x</script>"_s);
        if (kind == u"model"_s) {
            n.ttftMs = 120;
            n.inputTokens = 300;
            n.outputTokens = 80;
            n.costUsd = name == u"summary"_s ? 0.0004 : 0.0021;
            n.attempts = name == u"formatted"_s ? 2 : 1;
            n.items = 1;
            n.servedBy = {name == u"summary"_s ? u"scripted/brief"_s : u"scripted/formatter"_s};
            n.trace = {{0.12, 1}, {0.5, 80}};
        }
        record.nodes.append(n);
        QVERIFY(runs.saveNode({row.id, name, nodeStateName(state), QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact)}));
    };
    node(u"article"_s, u"input"_s, NodeState::Done, 0, 1);
    node(u"summary"_s, u"model"_s, NodeState::Done, 1, 801);
    node(u"formatted"_s, u"model"_s, NodeState::Done, 801, 2301);
    node(u"result"_s, u"output"_s, NodeState::Done, 2301, 2302);
    record.wallMs = 2302;
    record.state = u"done"_s;
    QVERIFY(runs.finishRun(row.id, u"done"_s, QDateTime::currentDateTimeUtc(),
                           QJsonDocument(record.summaryJson({u"result"_s})).toJson(QJsonDocument::Compact)));

    const std::optional<Report> report = build(ReportKind::PipelineRun, u"run1"_s);
    QVERIFY(report);
    QCOMPARE(report->nodes.size(), 4);
    QCOMPARE(report->graphEdges.size(), 3);
    QCOMPARE(*report->totalCostUsd, 0.0025);
    const HtmlReading reading = readReportHtml(reportHtml(*report));
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY(reading.ids.contains(u"graph"_s) && reading.ids.contains(u"chart-timeline"_s));
    QVERIFY(reading.svgCount >= 3); // graph, timeline, latency (cost too)
    QVERIFY(reading.text.contains(u"summary output <script>x</script>"_s));
    QVERIFY(reading.text.contains(u"Slowest step: formatted — 1.50 s, 65 % of the run's time."_s));
    QVERIFY(reading.text.contains(u"A long text about <b>tests</b>."_s)); // the variable, as text

    const QList<QStringList> rows = readCsv(reportCsv(*report));
    QCOMPARE(rows.size(), 5);
    const int costColumn = int(rows.at(0).indexOf(u"cost_usd"_s));
    QCOMPARE(rows.at(2).at(costColumn).toDouble(), 0.0004);
    QCOMPARE(rows.at(1).at(costColumn), QString()); // an input node has no cost at all

    const QString jsonPath = m_dir->filePath(u"run.json"_s);
    QVERIFY(writeReportFile(*report, ReportFormat::Json, jsonPath).ok);
    const QString problems = schemaProblems(jsonPath);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonObject run = QJsonDocument::fromJson(readAll(jsonPath)).object().value(u"run"_s).toObject();
    QCOMPARE(run.value(u"nodes"_s).toArray().size(), 4);
    QCOMPARE(run.value(u"wall_ms"_s).toDouble(), 2302.0);
}

void TestReport::conversationWithAHugeAnswer()
{
    ConversationStore& store = m_db->conversations();
    ConversationRecord c;
    c.id = u"chat"_s;
    c.title = u"Big one"_s;
    c.createdAt = c.updatedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store.createConversation(c));
    QVERIFY(store.saveMessage(message(u"u1"_s, u"chat"_s, {}, MessageRole::User, u"Write a lot."_s)));
    QString huge;
    huge.reserve(5'300'000);
    while (huge.size() < 5'000'000)
        huge += u"line of text with <tags> & \"quotes\" — "_s + QString::number(huge.size()) + u'\n';
    MessageRecord a = answer(u"a1"_s, u"chat"_s, u"cloud/big"_s, huge, 300, 9000, 0.05, 1'200'000);
    a.parentId = u"u1"_s;
    QVERIFY(store.saveMessage(a));
    QVERIFY(store.setCurrentLeaf(u"chat"_s, u"a1"_s));
    const std::optional<Report> report = build(ReportKind::Conversation, u"chat"_s);
    QVERIFY(report);
    QCOMPARE(report->messages.size(), 2);

    const HtmlReading reading = readReportHtml(reportHtml(*report));
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY(reading.text.contains(huge)); // whole, behind the fold
    const QList<QStringList> rows = readCsv(reportCsv(*report));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).last(), huge);
    const QJsonObject json = QJsonDocument::fromJson(reportJson(*report)).object();
    QCOMPARE(json.value(u"outputs"_s).toArray().at(0).toObject().value(u"content"_s).toString(), huge);
    QCOMPARE(json.value(u"messages"_s).toArray().size(), 2);
    QVERIFY(reportMarkdown(*report, {}).contains(u"line of text with &lt;tags&gt;"_s));
}

// Three rows through "ask three, let a fourth judge": answer_a, answer_b and answer_c answer the same question on
// every row, so what routing all rows to the cheapest would have cost is measured, not guessed.
void TestReport::batchAggregatesAndMeasuresSavings()
{
    QString error;
    const std::optional<Pipeline> pipeline =
        loadPipelineFile(QStringLiteral(JUXTA_EXAMPLES_DIR "/ask-three-judge.juxta"), error);
    QVERIFY2(pipeline, qPrintable(error));
    ConversationStore& store = m_db->conversations();
    BatchStore batches(store);
    RunStore runs(store);
    BatchRow batch;
    batch.id = u"batch1"_s;
    batch.name = pipeline->name;
    batch.pipelineJson = writePipeline(*pipeline);
    batch.input = u"questions.csv"_s;
    batch.startedAt = QDateTime::currentDateTimeUtc();
    batch.state = u"running"_s;
    batch.totalRows = 3;
    QVERIFY2(batches.createBatch(batch), qPrintable(batches.lastError()));
    const QHash<QString, double> cost{{u"answer_a"_s, 0.002}, {u"answer_b"_s, 0.001}, {u"answer_c"_s, 0.004},
                                      {u"judge"_s, 0.0005}};
    for (int row = 0; row < 3; ++row) {
        PipelineRunRow run;
        run.id = u"row-run-%1"_s.arg(row);
        run.name = pipeline->name;
        run.pipelineJson = batch.pipelineJson;
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.state = u"done"_s;
        run.conversationId = run.id + u"-c"_s;
        QVERIFY(runs.createRun(run));
        for (const QString& name : {u"answer_a"_s, u"answer_b"_s, u"answer_c"_s, u"judge"_s}) {
            NodeRun n;
            n.node = name;
            n.kind = u"model"_s;
            n.state = NodeState::Done;
            n.startedMs = 0;
            n.finishedMs = 500 + 100 * row;
            n.ttftMs = 100;
            n.costUsd = cost.value(name);
            n.servedBy = {pipeline->node(name)->model};
            n.attempts = n.items = 1;
            n.output = StepValue::ofText(u"=cmd|' /C calc'!A0"_s);
            QVERIFY(runs.saveNode({run.id, name, u"done"_s, QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact)}));
        }
        const QJsonObject result{{u"row"_s, row}, {u"variables"_s, QJsonObject{{u"question"_s, u"Q%1"_s.arg(row)}}},
                                 {u"outputs"_s, QJsonObject{{u"answer"_s, u"A%1"_s.arg(row)}}}, {u"status"_s, u"done"_s},
                                 {u"time_ms"_s, 900.0}, {u"input_tokens"_s, 40}, {u"output_tokens"_s, 60},
                                 {u"cost_usd"_s, 0.0075}, {u"run_id"_s, run.id}};
        QVERIFY(batches.saveRow(batch.id, row, u"done"_s, run.id, QJsonDocument(result).toJson(QJsonDocument::Compact)));
    }
    QVERIFY(batches.setState(batch.id, u"done"_s, QDateTime::currentDateTimeUtc(), "{}"));

    const std::optional<Report> report = build(ReportKind::PipelineRun, u"batch1"_s);
    QVERIFY(report);
    QVERIFY(report->batch);
    QCOMPARE(report->batchRows.size(), 3);
    QCOMPARE(*report->totalCostUsd, 3 * 0.0075);
    QCOMPARE(report->models.size(), 4); // per node and model
    QCOMPARE(report->models.at(0).answers, 3);
    QCOMPARE(*report->models.at(0).costUsd, 0.006);
    QCOMPARE(report->models.at(0).totalMs->samples, 3);
    const auto savings = std::find_if(report->verdict.cbegin(), report->verdict.cend(),
                                      [](const ReportClaim& c) { return c.kind == u"savings"_s; });
    QVERIFY(savings != report->verdict.cend());
    QCOMPARE(savings->subject, u"answer_b"_s);
    QCOMPARE(savings->sampleSize, 3);
    QVERIFY2(savings->text.contains(u"routing these 3 rows to answer_b (scripted/steady) would have cost "_s
                                    + formatCost(0.003) + u" instead of "_s + formatCost(0.012)
                                    + u" for answer_c (scripted/slow)"_s),
             qPrintable(savings->text));

    const HtmlReading reading = readReportHtml(reportHtml(*report));
    QVERIFY2(reading.error.isEmpty(), qPrintable(reading.error));
    QVERIFY(reading.ids.contains(u"rows"_s) && reading.ids.contains(u"graph"_s));
    const QList<QStringList> rows = readCsv(reportCsv(*report));
    QCOMPARE(rows.size(), 1 + 3 * 4); // every input row × node
    const int answerColumn = int(rows.at(0).indexOf(u"answer"_s));
    QCOMPARE(rows.at(1).at(answerColumn), u"'=cmd|' /C calc'!A0"_s);
    QCOMPARE(rows.at(12).at(int(rows.at(0).indexOf(u"row"_s))), u"3"_s);
    const QString jsonPath = m_dir->filePath(u"batch.json"_s);
    QVERIFY(writeReportFile(*report, ReportFormat::Json, jsonPath).ok);
    const QString problems = schemaProblems(jsonPath);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestReport::formatsByExtensionAndIncludeList()
{
    QCOMPARE(reportFormatFromPath(u"/x/a.HTML"_s), ReportFormat::Html);
    QCOMPARE(reportFormatFromPath(u"a.md"_s), ReportFormat::Markdown);
    QCOMPARE(reportFormatFromPath(u"a.csv"_s), ReportFormat::Csv);
    QCOMPARE(reportFormatFromPath(u"a.json"_s), ReportFormat::Json);
    QVERIFY(!reportFormatFromPath(u"a.pdf"_s));
    QVERIFY(!reportFormatFromPath(u"report"_s));
    QStringList unknown;
    const ReportOptions o = reportOptionsFromList(u"answers, diff,bogus"_s, unknown);
    QVERIFY(o.answers && o.diff && !o.charts && !o.reasoning && !o.parameters);
    QCOMPARE(unknown, QStringList{u"bogus"_s});
    QCOMPARE(reportOptionsList(o), u"answers,diff"_s);

    // Without answers, none of their text is in any format; the figures still are.
    storeComparison();
    ReportOptions figuresOnly;
    figuresOnly.answers = false;
    const std::optional<Report> report = build(ReportKind::Comparison, u"cmp"_s, figuresOnly);
    QVERIFY(report);
    QVERIFY(!reportHtml(*report).contains("Short."));
    QVERIFY(!reportMarkdown(*report, {}).contains(u"Short."_s));
    QVERIFY(!reportJson(*report).contains("Short."));
    QVERIFY(reportHtml(*report).contains("cloud/small"));
}

QTEST_GUILESS_MAIN(TestReport)
#include "TestReport.moc"
