// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline runner against the fake provider server over 127.0.0.1 and a real history database: every node
// kind; skip and merge rules; a diamond whose two branches are in flight at the same moment; a map over 20 items
// never more than 4 at once; a failure that fails what depends on it while the rest finishes; cancel mid-run;
// the cache with --from and --cache (the server counts what was sent again); a fallback inside a node; JSON output
// in each API's own shape; a node that continues another's conversation; the record in the history.
// (Longer than 500 lines: one scenario per acceptance point of the runner, on one fixture.)
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "answer/AnswerEngine.h"
#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "offline/OfflineNetwork.h"
#include "pipeline/PipelineRunner.h"
#include "storage/HistoryDatabase.h"
#include "storage/HistoryService.h"
#include "storage/RunStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;
using namespace juxta::test;

namespace {

Node input(const QString& name, const QString& variable = {})
{
    Node n;
    n.name = name;
    n.kind = NodeKind::Input;
    n.variable = variable;
    return n;
}

Node text(const QString& name, const QString& value)
{
    Node n;
    n.name = name;
    n.kind = NodeKind::Input;
    n.source = InputSource::Text;
    n.text = value;
    return n;
}

Node model(const QString& name, const QString& reference, const QString& prompt)
{
    Node n;
    n.name = name;
    n.kind = NodeKind::Model;
    n.model = reference;
    n.prompt = prompt;
    return n;
}

Node templ(const QString& name, const QString& value)
{
    Node n;
    n.name = name;
    n.kind = NodeKind::Template;
    n.text = value;
    return n;
}

Node transform(const QString& name, TransformOp op)
{
    Node n;
    n.name = name;
    n.kind = NodeKind::Transform;
    n.op = op;
    return n;
}

Node ofKind(const QString& name, NodeKind kind)
{
    Node n;
    n.name = name;
    n.kind = kind;
    return n;
}

Edge edge(const QString& from, const QString& to, const QString& branch = {}, const QString& port = {})
{
    return {from, to, branch, port};
}

QString lastUserMessage(const RecordedRequest& r)
{
    const QJsonArray messages = r.json().value(u"messages"_s).toArray();
    return messages.isEmpty() ? QString() : messages.last().toObject().value(u"content"_s).toString();
}

} // namespace

class TestPipelineRunner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyNodeKindDoesItsJob();
    void skippedBranchesAndMerge();
    void diamondBranchesRunAtTheSameMoment();
    void mapRunsAtMostFourAtOnce();
    void failureFailsWhatDependsOnIt();
    void cancelStopsEverythingAndKeepsWhatArrived();
    void cacheFromNodeAndUnchangedNodes();
    void fallbackInsideANode();
    void jsonOutputInEachApisShape_data();
    void jsonOutputInEachApisShape();
    void jsonAnswersAreChecked();
    void continuesAnotherNodesConversation();
    void continuedConversationComesBackFromTheCache();
    void inputsAreReadAgainEvenWithTheCache();
    void cyclesAndFailedMergeInputsEndTheRun();
    void scriptInfiniteLoopIsStoppedByTheWatchdog();
    void fileInputOutsideTheFolderIsRefused();
    void runIsRecordedInTheHistory();

private:
    RunRecord run(const Pipeline& pipeline, PipelineRunner::Options options = {}, int timeoutMs = 20'000);
    ProviderProfile profile(const QString& id, ApiDialect dialect, const QUrl& baseUrl) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProviderServer> m_server;
    AppConfig m_config;
    std::unique_ptr<InsecureFileSecretStore> m_secrets;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<OfflineNetworkAccessManager> m_network;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<AnswerEngine> m_engine;
    int m_delayMs = 5; // per streamed piece
};

ProviderProfile TestPipelineRunner::profile(const QString& id, ApiDialect dialect, const QUrl& baseUrl) const
{
    ProviderProfile p;
    p.id = id;
    p.presetId = u"custom"_s;
    p.dialect = dialect;
    p.baseUrl = baseUrl;
    p.auth = AuthStyle::None;
    return p;
}

void TestPipelineRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    m_delayMs = 5;
    // The model named in the request decides: "echo" answers with the prompt, "fail" with a server error,
    // "json" with a JSON object, "bad_json" with prose, anything else with "<model>: <prompt>".
    m_server->setResponder([this](const RecordedRequest& request) {
        const QString model = request.json().value(u"model"_s).toString();
        if (model == u"fail"_s)
            return ScriptedResponse::fromFixture(u"openai/error_500_server.http"_s);
        StreamScript script;
        script.model = model;
        script.delayMs = m_delayMs;
        const QString prompt = lastUserMessage(request);
        const QString reply = model == u"echo"_s       ? prompt
                              : model == u"json"_s     ? uR"({"best": "B", "tags": ["x", "y"]})"_s
                              : model == u"bad_json"_s ? u"I think B is best."_s
                                                       : model + u": "_s + prompt;
        for (qsizetype i = 0; i < reply.size(); i += 8)
            script.pieces.append(reply.mid(i, 8));
        if (script.pieces.isEmpty())
            script.pieces = {QString()};
        return openAiStream(script);
    });
    m_config = AppConfig();
    m_config.profiles = {profile(u"fake"_s, ApiDialect::OpenAi, m_server->baseUrl()),
                         profile(u"gem"_s, ApiDialect::Gemini, m_server->baseUrl(u"/v1beta"_s)),
                         profile(u"claude"_s, ApiDialect::Anthropic, m_server->baseUrl()),
                         profile(u"llama"_s, ApiDialect::Ollama, m_server->baseUrl(u"/"_s))};
    m_secrets = std::make_unique<InsecureFileSecretStore>(m_dir->filePath(u"keys.json"_s));
    m_catalog = std::make_unique<ModelCatalog>(m_config);
    m_network = std::make_unique<OfflineNetworkAccessManager>();
    m_history = std::make_unique<HistoryService>(m_dir->filePath(u"history.sqlite"_s));
    m_engine = std::make_unique<AnswerEngine>(m_config, *m_secrets, *m_catalog, *m_network, m_history.get());
    m_engine->setRecordsSpending(false);
}

void TestPipelineRunner::cleanup()
{
    m_engine.reset();
    m_history.reset();
    m_network.reset();
    m_catalog.reset();
    m_secrets.reset();
    m_server.reset();
    m_dir.reset();
}

RunRecord TestPipelineRunner::run(const Pipeline& pipeline, PipelineRunner::Options options, int timeoutMs)
{
    PipelineRunner runner(*m_engine, pipeline, options);
    QSignalSpy finished(&runner, &PipelineRunner::finished);
    runner.start();
    if (!runner.isFinished() && !finished.wait(timeoutMs))
        qWarning("the run did not finish");
    return runner.record();
}

void TestPipelineRunner::everyNodeKindDoesItsJob()
{
    QFile file(m_dir->filePath(u"notes.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("alpha\n\nbeta\n\ngamma");
    file.close();
    Pipeline p;
    p.variables = {{u"topic"_s, u"tea"_s, {}}};
    Node fromFile = input(u"notes"_s);
    fromFile.source = InputSource::File;
    fromFile.file = u"notes.txt"_s;
    Node paragraphs = transform(u"paragraphs"_s, TransformOp::Split);
    Node joined = transform(u"joined"_s, TransformOp::Join);
    joined.separator = u" | "_s;
    Node all = transform(u"all_words"_s, TransformOp::Regex);
    all.pattern = u"(?<w>[a-z]+)a\\b"_s;
    all.mode = RegexMode::All;
    all.group = u"w"_s;
    Node first = transform(u"first_word"_s, TransformOp::Regex);
    first.pattern = u"^(\\w+)"_s;
    first.group = u"1"_s;
    Node pointer = transform(u"pointer"_s, TransformOp::JsonPointer);
    pointer.pointer = u"/tags/1"_s;
    Node validated = transform(u"validated"_s, TransformOp::JsonValidate);
    validated.schema = R"({"type": "object", "required": ["tags"]})";
    Node script = transform(u"shout"_s, TransformOp::Script);
    script.script = u"text.toUpperCase() + '!' + vars.topic"_s;
    Node has = ofKind(u"has_beta"_s, NodeKind::Condition);
    has.value = u"BETA"_s; // contains, case-insensitive
    Node long_ = ofKind(u"is_long"_s, NodeKind::Condition);
    long_.test = ConditionTest::Script;
    long_.script = u"const n = text.length; return n > 1000;"_s; // a function body
    Node matches = ofKind(u"matches"_s, NodeKind::Condition);
    matches.test = ConditionTest::Matches;
    matches.pattern = u"^alpha"_s;
    p.nodes = {input(u"topic_in"_s, u"topic"_s), text(u"fixed"_s, uR"({"tags": ["a", "b"]})"_s), fromFile, paragraphs,
               joined, all, first, pointer, validated, script, has, long_, matches,
               templ(u"sentence"_s, u"About {{topic}}: {{joined}}"_s),
               model(u"asked"_s, u"fake/echo"_s, u"Say {{sentence}}"_s), ofKind(u"out"_s, NodeKind::Output)};
    p.edges = {edge(u"notes"_s, u"paragraphs"_s), edge(u"paragraphs"_s, u"joined"_s), edge(u"joined"_s, u"all_words"_s),
               edge(u"joined"_s, u"first_word"_s), edge(u"fixed"_s, u"pointer"_s), edge(u"fixed"_s, u"validated"_s),
               edge(u"topic_in"_s, u"shout"_s), edge(u"joined"_s, u"has_beta"_s), edge(u"joined"_s, u"is_long"_s),
               edge(u"joined"_s, u"matches"_s), edge(u"joined"_s, u"sentence"_s), edge(u"sentence"_s, u"asked"_s),
               edge(u"asked"_s, u"out"_s)};
    PipelineRunner::Options options;
    options.file = m_dir->filePath(u"kinds.juxta"_s);
    options.variables = {{u"topic"_s, u"coffee"_s}};
    const RunRecord r = run(p, options);
    QCOMPARE(r.state, u"done"_s);
    const auto out = [&r](const QString& name) { return r.node(name)->output; };
    QCOMPARE(out(u"topic_in"_s).text, u"coffee"_s);
    QCOMPARE(out(u"notes"_s).text, u"alpha\n\nbeta\n\ngamma"_s);
    QCOMPARE(out(u"paragraphs"_s), StepValue::ofList({u"alpha"_s, u"beta"_s, u"gamma"_s}));
    QCOMPARE(out(u"joined"_s).text, u"alpha | beta | gamma"_s);
    QCOMPARE(out(u"all_words"_s), StepValue::ofList({u"alph"_s, u"bet"_s, u"gamm"_s}));
    QCOMPARE(out(u"first_word"_s).text, u"alpha"_s);
    QCOMPARE(out(u"pointer"_s).text, u"b"_s);
    QCOMPARE(out(u"validated"_s).text, uR"({"tags": ["a", "b"]})"_s);
    QCOMPARE(out(u"shout"_s).text, u"COFFEE!coffee"_s);
    QCOMPARE(r.node(u"has_beta"_s)->branch, kThen);
    QCOMPARE(r.node(u"is_long"_s)->branch, kElse);
    QCOMPARE(r.node(u"matches"_s)->branch, kThen);
    QCOMPARE(out(u"sentence"_s).text, u"About coffee: alpha | beta | gamma"_s);
    QCOMPARE(out(u"asked"_s).text, u"Say About coffee: alpha | beta | gamma"_s);
    QCOMPARE(out(u"out"_s).text, out(u"asked"_s).text);
    const NodeRun* asked = r.node(u"asked"_s);
    QVERIFY(asked->ttftMs && asked->outputTokens && asked->inputTokens);
    QCOMPARE(asked->servedBy, QStringList{u"fake/echo"_s});
    QCOMPARE(asked->attempts, 1);
    QVERIFY(asked->trace.size() >= 2);
    QCOMPARE(asked->trace.constLast().y(), double(*asked->outputTokens));
}

void TestPipelineRunner::skippedBranchesAndMerge()
{
    // if/else joined again: the branch not taken is skipped, and so is what depends only on it; the merge passes
    // on the branch that ran. A merge whose inputs were all skipped is skipped itself.
    Pipeline p;
    Node check = ofKind(u"check"_s, NodeKind::Condition);
    check.value = u"yes"_s;
    Node merge = ofKind(u"either"_s, NodeKind::Merge);
    Node lone = ofKind(u"lone"_s, NodeKind::Merge);
    p.nodes = {text(u"answer"_s, u"no"_s), check, templ(u"said_yes"_s, u"Y: {{answer}}"_s),
               templ(u"said_no"_s, u"N: {{answer}}"_s), templ(u"after_yes"_s, u"after {{said_yes}}"_s), merge, lone,
               ofKind(u"out"_s, NodeKind::Output)};
    p.edges = {edge(u"answer"_s, u"check"_s),        edge(u"check"_s, u"said_yes"_s, kThen),
               edge(u"answer"_s, u"said_yes"_s),     edge(u"check"_s, u"said_no"_s, kElse),
               edge(u"answer"_s, u"said_no"_s),      edge(u"said_yes"_s, u"after_yes"_s),
               edge(u"after_yes"_s, u"either"_s),    edge(u"said_no"_s, u"either"_s),
               edge(u"after_yes"_s, u"lone"_s),      edge(u"either"_s, u"out"_s)};
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"done"_s); // skipping is not failing
    QCOMPARE(r.node(u"check"_s)->branch, kElse);
    QCOMPARE(r.node(u"said_yes"_s)->state, NodeState::Skipped);
    QCOMPARE(r.node(u"after_yes"_s)->state, NodeState::Skipped);
    QCOMPARE(r.node(u"said_no"_s)->output.text, u"N: no"_s);
    QCOMPARE(r.node(u"either"_s)->state, NodeState::Done);
    QCOMPARE(r.node(u"either"_s)->output.text, u"N: no"_s);
    QCOMPARE(r.node(u"lone"_s)->state, NodeState::Skipped);
    QCOMPARE(r.node(u"out"_s)->output.text, u"N: no"_s);
}

void TestPipelineRunner::diamondBranchesRunAtTheSameMoment()
{
    // a → (left, right) → joined: the two model steps are on the wire together, and `joined` runs once after both.
    m_delayMs = 40;
    Pipeline p;
    p.nodes = {text(u"a"_s, u"seed"_s), model(u"left"_s, u"fake/left"_s, u"L {{a}}"_s),
               model(u"right"_s, u"fake/right"_s, u"R {{a}}"_s), templ(u"joined"_s, u"{{left}} + {{right}}"_s)};
    p.edges = {edge(u"a"_s, u"left"_s), edge(u"a"_s, u"right"_s), edge(u"left"_s, u"joined"_s),
               edge(u"right"_s, u"joined"_s)};
    m_server->resetPeak();
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"done"_s);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->peakInFlight(), 2); // both branches in flight at the same moment
    QCOMPARE(r.node(u"joined"_s)->output.text, u"left: L seed + right: R seed"_s);
    QVERIFY(r.node(u"joined"_s)->startedMs >= std::max(r.node(u"left"_s)->finishedMs, r.node(u"right"_s)->finishedMs));
    QCOMPARE(r.criticalPath.size(), 3);
    QCOMPARE(r.criticalPath.constFirst(), u"a"_s);
    QCOMPARE(r.criticalPath.constLast(), u"joined"_s);
}

void TestPipelineRunner::mapRunsAtMostFourAtOnce()
{
    m_delayMs = 15;
    QStringList lines;
    for (int i = 1; i <= 20; ++i)
        lines.append(u"line %1"_s.arg(i));
    Pipeline p;
    Node split = transform(u"lines"_s, TransformOp::Split);
    split.by = SplitBy::Separator;
    split.separator = u"\n"_s;
    Node each = model(u"each"_s, u"fake/echo"_s, u"item: {{item}}"_s);
    each.concurrency = 4;
    p.nodes = {text(u"all"_s, lines.join(u'\n')), split, each, ofKind(u"out"_s, NodeKind::Output)};
    p.edges = {edge(u"all"_s, u"lines"_s), edge(u"lines"_s, u"each"_s, {}, kItemsPort), edge(u"each"_s, u"out"_s)};
    m_server->resetPeak();
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"done"_s);
    QCOMPARE(m_server->requests().size(), 20);
    QCOMPARE(m_server->peakInFlight(), 4); // exactly four at the peak, never five
    const NodeRun* each_ = r.node(u"each"_s);
    QCOMPARE(each_->items, 20);
    QCOMPARE(each_->answerIds.size(), 20);
    QVERIFY(each_->output.isList);
    QCOMPARE(each_->output.items.size(), 20);
    for (int i = 0; i < 20; ++i) // in the order of the items, whatever order they finished in
        QCOMPARE(each_->output.items.at(i), u"item: line %1"_s.arg(i + 1));
    QCOMPARE(each_->input.items.size(), 20);
    QVERIFY(each_->trace.size() >= 2);
}

void TestPipelineRunner::failureFailsWhatDependsOnIt()
{
    Pipeline p;
    p.nodes = {text(u"a"_s, u"x"_s), model(u"broken"_s, u"fake/fail"_s, u"{{a}}"_s),
               templ(u"after"_s, u"{{broken}}"_s), model(u"fine"_s, u"fake/echo"_s, u"still {{a}}"_s)};
    p.edges = {edge(u"a"_s, u"broken"_s), edge(u"broken"_s, u"after"_s), edge(u"a"_s, u"fine"_s)};
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"failed"_s);
    QCOMPARE(r.node(u"broken"_s)->state, NodeState::Failed);
    QVERIFY2(r.node(u"broken"_s)->error.contains(u"server"_s), qPrintable(r.node(u"broken"_s)->error));
    QCOMPARE(r.node(u"after"_s)->state, NodeState::Failed);
    QCOMPARE(r.node(u"after"_s)->error, u"broken failed"_s);
    QCOMPARE(r.node(u"fine"_s)->state, NodeState::Done); // the independent branch still finishes
    QCOMPARE(r.node(u"fine"_s)->output.text, u"still x"_s);
}

void TestPipelineRunner::cancelStopsEverythingAndKeepsWhatArrived()
{
    m_delayMs = 60;
    Pipeline p;
    p.nodes = {text(u"a"_s, u"a long prompt that streams back slowly, piece by piece"_s),
               model(u"slow"_s, u"fake/echo"_s, u"{{a}} {{a}} {{a}}"_s), templ(u"after"_s, u"{{slow}}"_s)};
    p.edges = {edge(u"a"_s, u"slow"_s), edge(u"slow"_s, u"after"_s)};
    PipelineRunner runner(*m_engine, p, {});
    QSignalSpy finished(&runner, &PipelineRunner::finished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(!runner.liveRuns(u"slow"_s).isEmpty()
                                 && runner.liveRuns(u"slow"_s).constFirst()->transcript().length() > 16,
                             10'000);
    runner.cancel();
    QVERIFY(finished.wait(10'000) || runner.isFinished());
    const RunRecord& r = runner.record();
    QCOMPARE(r.state, u"cancelled"_s);
    QCOMPARE(r.node(u"slow"_s)->state, NodeState::Failed);
    QCOMPARE(r.node(u"slow"_s)->error, u"cancelled"_s);
    QVERIFY(!r.node(u"slow"_s)->output.text.isEmpty()); // what arrived is kept
    QVERIFY(p.node(u"a"_s)->text.startsWith(r.node(u"slow"_s)->output.text.left(16)));
    QCOMPARE(r.node(u"after"_s)->state, NodeState::Failed);
}

void TestPipelineRunner::cacheFromNodeAndUnchangedNodes()
{
    Pipeline p;
    p.variables = {{u"topic"_s, u"tea"_s, {}}};
    p.nodes = {input(u"topic"_s), model(u"first"_s, u"fake/echo"_s, u"one {{topic}}"_s),
               model(u"second"_s, u"fake/echo"_s, u"two {{first}}"_s), model(u"third"_s, u"fake/echo"_s, u"three {{second}}"_s)};
    p.edges = {edge(u"topic"_s, u"first"_s), edge(u"first"_s, u"second"_s), edge(u"second"_s, u"third"_s)};
    const auto sentSince = [this](qsizetype from) {
        QStringList prompts;
        for (qsizetype i = from; i < m_server->requests().size(); ++i)
            prompts.append(lastUserMessage(m_server->requests().at(i)).section(u' ', 0, 0));
        return prompts;
    };
    QCOMPARE(run(p).state, u"done"_s); // a plain run sends every model step
    QCOMPARE(sentSince(0), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    QCOMPARE(run(p).state, u"done"_s); // and again
    QCOMPARE(m_server->requests().size(), 6);

    PipelineRunner::Options from;
    from.fromNode = u"second"_s; // second and what follows again; first from the cache
    qsizetype before = m_server->requests().size();
    RunRecord r = run(p, from);
    QCOMPARE(r.state, u"done"_s);
    QCOMPARE(sentSince(before), (QStringList{u"two"_s, u"three"_s}));
    QCOMPARE(r.node(u"first"_s)->state, NodeState::Cached);
    QCOMPARE(r.node(u"first"_s)->output.text, u"one tea"_s);
    QCOMPARE(r.node(u"second"_s)->state, NodeState::Done);

    PipelineRunner::Options cached;
    cached.useCache = true; // nothing changed: nothing is sent
    before = m_server->requests().size();
    r = run(p, cached);
    QCOMPARE(sentSince(before), QStringList());
    QCOMPARE(r.node(u"third"_s)->state, NodeState::Cached);
    QCOMPARE(r.node(u"third"_s)->output.text, u"three two one tea"_s);
    QCOMPARE(r.totalCostUsd(), std::optional<double>(0.0));

    cached.variables = {{u"topic"_s, u"coffee"_s}}; // a changed input: what depends on it runs again
    before = m_server->requests().size();
    r = run(p, cached);
    QCOMPARE(sentSince(before), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    QCOMPARE(r.node(u"third"_s)->output.text, u"three two one coffee"_s);

    PipelineRunner::Options fromWithoutCache; // an upstream node never cached for these inputs runs too
    fromWithoutCache.fromNode = u"third"_s;
    fromWithoutCache.variables = {{u"topic"_s, u"water"_s}};
    before = m_server->requests().size();
    r = run(p, fromWithoutCache);
    QCOMPARE(sentSince(before), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
}

void TestPipelineRunner::fallbackInsideANode()
{
    Pipeline p;
    Node step = model(u"step"_s, u"fake/fail"_s, u"hello"_s);
    step.fallbacks = {u"fake/echo"_s};
    p.nodes = {step};
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"done"_s);
    const NodeRun* n = r.node(u"step"_s);
    QCOMPARE(n->output.text, u"hello"_s);
    QCOMPARE(n->servedBy, QStringList{u"fake/echo"_s});
    QVERIFY2(n->attempts >= 2, qPrintable(QString::number(n->attempts)));
}

void TestPipelineRunner::jsonOutputInEachApisShape_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("mode");
    QTest::newRow("OpenAI-compatible, schema") << u"fake/json"_s << int(JsonOutput::Schema);
    QTest::newRow("OpenAI-compatible, object") << u"fake/json"_s << int(JsonOutput::Object);
    QTest::newRow("Gemini, schema") << u"gem/gemini-2.0-flash"_s << int(JsonOutput::Schema);
    QTest::newRow("Ollama, schema") << u"llama/llama3.2"_s << int(JsonOutput::Schema);
    QTest::newRow("Ollama, object") << u"llama/llama3.2"_s << int(JsonOutput::Object);
    QTest::newRow("Anthropic: an instruction") << u"claude/claude-haiku-4-5"_s << int(JsonOutput::Schema);
}

void TestPipelineRunner::jsonOutputInEachApisShape()
{
    QFETCH(QString, reference);
    QFETCH(int, mode);
    const QByteArray schema = R"({"type":"object","properties":{"best":{"type":["string","null"]}},"required":["best"],"additionalProperties":false})";
    Pipeline p;
    Node ask = model(u"ask"_s, reference, u"Pick one"_s);
    ask.json = JsonOutput(mode);
    ask.schema = mode == int(JsonOutput::Schema) ? schema : QByteArray();
    p.nodes = {ask};
    run(p);
    QVERIFY(!m_server->requests().isEmpty());
    const QJsonObject body = m_server->requests().constLast().json();
    if (reference.startsWith(u"fake/"_s)) {
        const QJsonObject format = body.value(u"response_format"_s).toObject();
        if (mode == int(JsonOutput::Schema)) {
            QCOMPARE(format.value(u"type"_s).toString(), u"json_schema"_s);
            const QJsonObject jsonSchema = format.value(u"json_schema"_s).toObject();
            QCOMPARE(jsonSchema.value(u"name"_s).toString(), u"answer"_s);
            QCOMPARE(jsonSchema.value(u"strict"_s).toBool(), true); // a closed schema
            QCOMPARE(jsonSchema.value(u"schema"_s).toObject().value(u"required"_s).toArray().size(), 1);
        } else {
            QCOMPARE(format.value(u"type"_s).toString(), u"json_object"_s);
        }
        // JSON mode needs the word in the messages: the instruction is the system message.
        QVERIFY(body.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString().contains(u"JSON"_s));
    } else if (reference.startsWith(u"gem/"_s)) {
        const QJsonObject config = body.value(u"generationConfig"_s).toObject();
        QCOMPARE(config.value(u"responseMimeType"_s).toString(), u"application/json"_s);
        const QJsonObject converted = config.value(u"responseSchema"_s).toObject();
        QCOMPARE(converted.value(u"type"_s).toString(), u"OBJECT"_s);
        QVERIFY(!converted.contains(u"additionalProperties"_s)); // Gemini refuses it
        const QJsonObject best = converted.value(u"properties"_s).toObject().value(u"best"_s).toObject();
        QCOMPARE(best.value(u"type"_s).toString(), u"STRING"_s);
        QCOMPARE(best.value(u"nullable"_s).toBool(), true);
    } else if (reference.startsWith(u"llama/"_s)) {
        if (mode == int(JsonOutput::Schema))
            QCOMPARE(body.value(u"format"_s).toObject().value(u"type"_s).toString(), u"object"_s);
        else
            QCOMPARE(body.value(u"format"_s).toString(), u"json"_s);
    } else {
        QVERIFY(!body.contains(u"response_format"_s));
        const QString system = body.value(u"system"_s).toString();
        QVERIFY2(system.contains(u"Answer with one JSON object"_s) && system.contains(u"\"required\""_s),
                 qPrintable(system));
    }
}

void TestPipelineRunner::jsonAnswersAreChecked()
{
    Pipeline p;
    Node good = model(u"good"_s, u"fake/json"_s, u"Pick"_s);
    good.json = JsonOutput::Schema;
    good.schema = R"({"type":"object","properties":{"best":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},"required":["best"]})";
    Node strict = model(u"strict"_s, u"fake/json"_s, u"Pick"_s);
    strict.json = JsonOutput::Schema;
    strict.schema = R"({"type":"object","required":["best","score"]})";
    Node prose = model(u"prose"_s, u"fake/bad_json"_s, u"Pick"_s);
    prose.json = JsonOutput::Object;
    p.nodes = {good, strict, prose};
    const RunRecord r = run(p);
    QCOMPARE(r.node(u"good"_s)->state, NodeState::Done);
    QCOMPARE(QJsonDocument::fromJson(r.node(u"good"_s)->output.text.toUtf8()).object().value(u"best"_s).toString(),
             u"B"_s);
    QCOMPARE(r.node(u"strict"_s)->state, NodeState::Failed);
    QVERIFY2(r.node(u"strict"_s)->error.contains(u"\"score\" is missing"_s), qPrintable(r.node(u"strict"_s)->error));
    QCOMPARE(r.node(u"prose"_s)->state, NodeState::Failed);
    QCOMPARE(r.node(u"prose"_s)->error, u"the answer is not JSON"_s);
}

void TestPipelineRunner::continuesAnotherNodesConversation()
{
    Pipeline p;
    Node first = model(u"first"_s, u"fake/echo"_s, u"Hello there"_s);
    first.system = u"Be kind."_s;
    Node second = model(u"second"_s, u"fake/other"_s, u"And now?"_s);
    second.continues = u"first"_s;
    p.nodes = {first, second};
    p.edges = {edge(u"first"_s, u"second"_s)};
    const RunRecord r = run(p);
    QCOMPARE(r.state, u"done"_s);
    const QJsonArray messages = m_server->requests().constLast().json().value(u"messages"_s).toArray();
    QStringList roles;
    for (const QJsonValue& m : messages)
        roles.append(m.toObject().value(u"role"_s).toString() + u':' + m.toObject().value(u"content"_s).toString());
    QCOMPARE(roles, (QStringList{u"user:Hello there"_s, u"assistant:Hello there"_s, u"user:And now?"_s}));
}

void TestPipelineRunner::continuedConversationComesBackFromTheCache()
{
    // --from the continuing node: the node it continues comes from the cache, and its question and answer are
    // still sent (and the continuing node's own cache key is the same as after a full run).
    Pipeline p;
    Node second = model(u"second"_s, u"fake/other"_s, u"And now?"_s);
    second.continues = u"first"_s;
    p.nodes = {model(u"first"_s, u"fake/echo"_s, u"Hello there"_s), second};
    p.edges = {edge(u"first"_s, u"second"_s)};
    const RunRecord full = run(p);
    QCOMPARE(full.state, u"done"_s);
    PipelineRunner::Options from;
    from.fromNode = u"second"_s;
    const qsizetype before = m_server->requests().size();
    const RunRecord again = run(p, from);
    QCOMPARE(again.node(u"first"_s)->state, NodeState::Cached);
    QCOMPARE(m_server->requests().size(), before + 1);
    const QJsonArray messages = m_server->requests().constLast().json().value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), u"Hello there"_s);
    QCOMPARE(again.node(u"second"_s)->cacheKey, full.node(u"second"_s)->cacheKey);
    PipelineRunner::Options cached;
    cached.useCache = true;
    const RunRecord third = run(p, cached);
    QCOMPARE(third.node(u"second"_s)->state, NodeState::Cached);
    QCOMPARE(m_server->requests().size(), before + 1);
}

void TestPipelineRunner::inputsAreReadAgainEvenWithTheCache()
{
    QFile file(m_dir->filePath(u"source.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first version");
    file.close();
    Pipeline p;
    Node read = input(u"read"_s);
    read.source = InputSource::File;
    read.file = u"source.txt"_s;
    p.nodes = {read, model(u"ask"_s, u"fake/echo"_s, u"{{read}}"_s)};
    p.edges = {edge(u"read"_s, u"ask"_s)};
    PipelineRunner::Options options;
    options.file = m_dir->filePath(u"p.juxta"_s);
    options.useCache = true;
    QCOMPARE(run(p, options).node(u"ask"_s)->output.text, u"first version"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("second version");
    file.close();
    const RunRecord r = run(p, options);
    QCOMPARE(r.node(u"read"_s)->state, NodeState::Done); // never served from the cache
    QCOMPARE(r.node(u"ask"_s)->state, NodeState::Done);  // its input changed
    QCOMPARE(r.node(u"ask"_s)->output.text, u"second version"_s);
}

void TestPipelineRunner::cyclesAndFailedMergeInputsEndTheRun()
{
    Pipeline cycle; // the runner takes any pipeline: one with a cycle ends, its nodes failed
    cycle.nodes = {templ(u"a"_s, u"{{b}}"_s), templ(u"b"_s, u"{{a}}"_s), text(u"c"_s, u"fine"_s)};
    cycle.edges = {edge(u"a"_s, u"b"_s), edge(u"b"_s, u"a"_s)};
    RunRecord r = run(cycle, {}, 5000);
    QCOMPARE(r.state, u"failed"_s);
    QVERIFY(r.node(u"a"_s)->error.contains(u"cycle"_s));
    QCOMPARE(r.node(u"c"_s)->state, NodeState::Done);
    Pipeline merge; // a Merge passes on its first input that was not skipped: a failed one fails it
    merge.nodes = {text(u"a"_s, u"x"_s), model(u"broken"_s, u"fake/fail"_s, u"{{a}}"_s), templ(u"fine"_s, u"{{a}}"_s),
                   ofKind(u"either"_s, NodeKind::Merge)};
    merge.edges = {edge(u"a"_s, u"broken"_s), edge(u"a"_s, u"fine"_s), edge(u"broken"_s, u"either"_s),
                   edge(u"fine"_s, u"either"_s)};
    r = run(merge);
    QCOMPARE(r.node(u"either"_s)->state, NodeState::Failed);
    QCOMPARE(r.node(u"either"_s)->error, u"broken failed"_s);
}

void TestPipelineRunner::scriptInfiniteLoopIsStoppedByTheWatchdog()
{
    Pipeline p;
    Node loop = transform(u"loop"_s, TransformOp::Script);
    loop.script = u"while (true) {}"_s;
    loop.timeoutMs = 300;
    Node test = ofKind(u"spin"_s, NodeKind::Condition);
    test.test = ConditionTest::Script;
    test.script = u"for (;;) {}"_s;
    test.timeoutMs = 200;
    p.nodes = {text(u"a"_s, u"x"_s), loop, test};
    p.edges = {edge(u"a"_s, u"loop"_s), edge(u"a"_s, u"spin"_s)};
    const RunRecord r = run(p);
    QCOMPARE(r.node(u"loop"_s)->state, NodeState::Failed);
    QCOMPARE(r.node(u"loop"_s)->error, u"the script was stopped after 300 ms (its time limit)"_s);
    QCOMPARE(r.node(u"spin"_s)->error, u"the script was stopped after 200 ms (its time limit)"_s);
    QVERIFY(r.node(u"loop"_s)->totalMs() >= 290 && r.node(u"loop"_s)->totalMs() < 5000);
}

void TestPipelineRunner::fileInputOutsideTheFolderIsRefused()
{
    QTemporaryDir outside;
    QFile secret(outside.filePath(u"secret.txt"_s));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("private");
    secret.close();
    QDir(m_dir->path()).mkdir(u"pipes"_s);
    QVERIFY(QFile::link(secret.fileName(), m_dir->filePath(u"pipes/innocent.txt"_s))); // a link out is followed
    const QStringList paths{secret.fileName(), QDir(m_dir->filePath(u"pipes"_s)).relativeFilePath(secret.fileName()),
                            u"innocent.txt"_s};
    for (const QString& path : paths) {
        Pipeline p;
        Node read = input(u"read"_s);
        read.source = InputSource::File;
        read.file = path;
        p.nodes = {read};
        PipelineRunner::Options options;
        options.file = m_dir->filePath(u"pipes/p.juxta"_s);
        const RunRecord r = run(p, options);
        QCOMPARE(r.node(u"read"_s)->state, NodeState::Failed);
        QVERIFY2(r.node(u"read"_s)->error.contains(u"outside the pipeline's folder"_s), qPrintable(r.node(u"read"_s)->error));
        QVERIFY(r.node(u"read"_s)->output.text.isEmpty());
        options.allowedReads = {outside.path()}; // allowed explicitly
        const RunRecord allowed = run(p, options);
        QVERIFY2(allowed.node(u"read"_s)->state == NodeState::Done, qPrintable(path + u": "_s + allowed.node(u"read"_s)->error));
        QCOMPARE(allowed.node(u"read"_s)->output.text, u"private"_s);
    }
}

void TestPipelineRunner::runIsRecordedInTheHistory()
{
    Pipeline p;
    p.name = u"Recorded"_s;
    p.nodes = {text(u"a"_s, u"x"_s), model(u"ask"_s, u"fake/echo"_s, u"echo {{a}}"_s), ofKind(u"out"_s, NodeKind::Output)};
    p.edges = {edge(u"a"_s, u"ask"_s), edge(u"ask"_s, u"out"_s)};
    const RunRecord r = run(p);
    m_history->flush();
    HistoryDatabase db(m_dir->filePath(u"history.sqlite"_s));
    QVERIFY(db.open().ok);
    RunStore runs(db.conversations());
    const std::optional<PipelineRunRow> row = runs.loadRun(r.id);
    QVERIFY(row);
    QCOMPARE(row->state, u"done"_s);
    QCOMPARE(row->name, u"Recorded"_s);
    QVERIFY(row->pipelineJson.contains("\"juxta.pipeline\""));
    QCOMPARE(QJsonDocument::fromJson(row->summaryJson).object().value(u"outputs"_s).toObject().value(u"out"_s).toString(),
             u"echo x"_s);
    const QList<NodeRunRow> nodes = runs.nodesOf(r.id);
    QCOMPARE(nodes.size(), 3);
    const QJsonObject ask = QJsonDocument::fromJson(nodes.at(1).recordJson).object();
    QCOMPARE(ask.value(u"name"_s).toString(), u"ask"_s);
    QCOMPARE(ask.value(u"output"_s).toString(), u"echo x"_s);
    QVERIFY(ask.value(u"trace"_s).toArray().size() >= 2);
    // The model step is a question and answer of the run's own conversation, which the chat list leaves out.
    const std::optional<Conversation> conversation = db.conversations().loadConversation(r.conversationId);
    QVERIFY(conversation);
    QCOMPARE(conversation->messages.size(), 2);
    QCOMPARE(conversation->messages.at(1).content, u"echo x"_s);
    QCOMPARE(db.conversations().attemptsFor(conversation->messages.at(1).id).size(), 1);
    QVERIFY(db.conversations().listConversations().isEmpty());
    QVERIFY(runs.cachedOutput(r.node(u"ask"_s)->cacheKey));
    QCOMPARE(runs.listRuns().size(), 1);
}

QTEST_GUILESS_MAIN(TestPipelineRunner)
#include "TestPipelineRunner.moc"
