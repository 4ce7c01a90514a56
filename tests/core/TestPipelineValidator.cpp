// SPDX-License-Identifier: GPL-3.0-or-later
// Every problem the validator finds, each on its node, and the pure steps it relies on: regular-expression and
// JSON Pointer extraction, JSON schema checks, splitting by separator, paragraphs and estimated tokens with
// overlap, and scripts (expressions, function bodies, results, errors, syntax checks).
#include "config/AppConfig.h"
#include "catalog/ModelCatalog.h"
#include "pipeline/JsonSchemaCheck.h"
#include "pipeline/PipelineEstimate.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScriptSandbox.h"
#include "pipeline/Transforms.h"
#include "pricing/CostCalculator.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

Node node(const QString& name, NodeKind kind)
{
    Node n;
    n.name = name;
    n.kind = kind;
    return n;
}

Node textInput(const QString& name)
{
    Node n = node(name, NodeKind::Input);
    n.source = InputSource::Text;
    n.text = u"x"_s;
    return n;
}

Node modelNode(const QString& name, const QString& prompt, const QString& reference = u"fake/m"_s)
{
    Node n = node(name, NodeKind::Model);
    n.model = reference;
    n.prompt = prompt;
    return n;
}

Node splitNode(const QString& name)
{
    Node n = node(name, NodeKind::Transform);
    n.op = TransformOp::Split;
    return n;
}

} // namespace

class TestPipelineValidator : public QObject
{
    Q_OBJECT

private slots:
    void findsEachProblem_data();
    void findsEachProblem();
    void aSoundPipelineHasNoProblems();
    void transformsExtractAndCheck();
    void splitsByTokensWithOverlap();
    void scriptsRunAndReportErrors();
    void estimatesNeverWrapAround();
};

void TestPipelineValidator::findsEachProblem_data()
{
    QTest::addColumn<Pipeline>("pipeline");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("problem");
    const auto row = [](const char* name, Pipeline p, const QString& node, const QString& problem) {
        QTest::newRow(name) << p << node << problem;
    };
    {
        Pipeline p;
        p.nodes = {node(u"a"_s, NodeKind::Output), node(u"b"_s, NodeKind::Output)};
        p.edges = {{u"a"_s, u"b"_s, {}, {}}, {u"b"_s, u"a"_s, {}, {}}};
        row("cycle", p, u"a"_s, u"part of a cycle"_s);
    }
    {
        Pipeline p;
        p.nodes = {node(u"out"_s, NodeKind::Output)};
        row("unconnected input", p, u"out"_s, u"nothing is connected to its input"_s);
    }
    {
        Pipeline p;
        p.nodes = {textInput(u"a"_s), textInput(u"b"_s), node(u"out"_s, NodeKind::Output)};
        p.edges = {{u"a"_s, u"out"_s, {}, {}}, {u"b"_s, u"out"_s, {}, {}}};
        row("two inputs into one", p, u"out"_s, u"it takes one input; 2 are connected"_s);
    }
    {
        Pipeline p;
        p.nodes = {modelNode(u"m"_s, u"About {{ghost}}"_s)};
        row("unknown name", p, u"m"_s, u"{{ghost}} is neither a node nor a variable"_s);
    }
    {
        Pipeline p;
        p.nodes = {textInput(u"source"_s), modelNode(u"m"_s, u"About {{source}}"_s)};
        row("missing edge", p, u"m"_s, u"{{source}} needs an edge from source"_s);
    }
    {
        Pipeline p;
        Node t = node(u"t"_s, NodeKind::Template);
        t.text = u"{{item}}"_s;
        p.nodes = {t};
        row("item outside a map", p, u"t"_s, u"{{item}} exists only inside a map"_s);
    }
    {
        Pipeline p;
        p.nodes = {textInput(u"text"_s), splitNode(u"pieces"_s), modelNode(u"m"_s, u"All: {{pieces}}"_s)};
        p.edges = {{u"text"_s, u"pieces"_s, {}, {}}, {u"pieces"_s, u"m"_s, {}, {}}};
        row("list into a text-only port", p, u"m"_s, u"{{pieces}} is a list, and this is text"_s);
    }
    {
        Pipeline p;
        Node pointer = node(u"pick"_s, NodeKind::Transform);
        pointer.op = TransformOp::JsonPointer;
        pointer.pointer = u"/a"_s;
        p.nodes = {textInput(u"text"_s), splitNode(u"pieces"_s), pointer};
        p.edges = {{u"text"_s, u"pieces"_s, {}, {}}, {u"pieces"_s, u"pick"_s, {}, {}}};
        row("list into a transform of text", p, u"pick"_s, u"pieces gives a list, and this takes text"_s);
    }
    {
        Pipeline p;
        p.nodes = {textInput(u"text"_s), modelNode(u"m"_s, u"{{item}}"_s)};
        p.edges = {{u"text"_s, u"m"_s, {}, kItemsPort}};
        row("text into items", p, u"m"_s, u"items: text gives text, not a list"_s);
    }
    {
        Pipeline p;
        p.nodes = {modelNode(u"m"_s, u"hi"_s, u"nosuch/model"_s)};
        row("unknown profile", p, u"m"_s, u"unknown profile “nosuch”"_s);
    }
    {
        Pipeline p;
        p.nodes = {modelNode(u"m"_s, u"hi"_s, u"listed/other-model"_s)};
        row("unknown model", p, u"m"_s, u"the profile “listed” lists no model “other-model”"_s);
    }
    {
        Pipeline p;
        p.nodes = {modelNode(u"m"_s, u"hi"_s, u"openai/gpt-4o"_s)};
        row("profile without a key", p, u"m"_s, u"openai/gpt-4o: no API key for openai"_s);
    }
    {
        Pipeline p;
        Node regex = node(u"r"_s, NodeKind::Transform);
        regex.pattern = u"([a-z"_s;
        p.nodes = {textInput(u"text"_s), regex};
        p.edges = {{u"text"_s, u"r"_s, {}, {}}};
        row("invalid regular expression", p, u"r"_s, u"the regular expression is not valid"_s);
    }
    {
        Pipeline p;
        Node script = node(u"js"_s, NodeKind::Condition);
        script.test = ConditionTest::Script;
        script.script = u"text.length >"_s;
        p.nodes = {textInput(u"text"_s), script};
        p.edges = {{u"text"_s, u"js"_s, {}, {}}};
        row("JavaScript syntax error", p, u"js"_s, u"the script does not parse"_s);
    }
    {
        Pipeline p;
        Node file = node(u"f"_s, NodeKind::Input);
        file.source = InputSource::File;
        file.file = u"/etc/passwd"_s;
        p.nodes = {file};
        row("file outside the folder", p, u"f"_s, u"reads /etc/passwd, outside the pipeline's folder"_s);
    }
    {
        Pipeline p;
        Node file = node(u"f"_s, NodeKind::Input);
        file.source = InputSource::File;
        file.file = u"../../../../../../etc/hostname"_s;
        p.nodes = {file};
        row("file escaping with ..", p, u"f"_s, u"outside the pipeline's folder"_s);
    }
    {
        Pipeline p;
        p.nodes = {node(u"v"_s, NodeKind::Input)};
        row("undeclared variable", p, u"v"_s, u"no variable “v” is declared"_s);
    }
    {
        Pipeline p;
        Node check = node(u"check"_s, NodeKind::Condition);
        p.nodes = {textInput(u"text"_s), check, node(u"out"_s, NodeKind::Output)};
        p.edges = {{u"text"_s, u"check"_s, {}, {}}, {u"check"_s, u"out"_s, {}, {}}};
        row("condition edge without a branch", p, u"out"_s, u"must say which branch: then or else"_s);
    }
    {
        Pipeline p;
        Node m = modelNode(u"m"_s, u"hi"_s);
        m.json = JsonOutput::Schema;
        m.schema = "[1, 2]";
        p.nodes = {m};
        row("schema not an object", p, u"m"_s, u"the schema is not a JSON object"_s);
    }
    {
        Pipeline p;
        Node later = modelNode(u"later"_s, u"more"_s);
        later.continues = u"earlier"_s;
        p.nodes = {modelNode(u"earlier"_s, u"first"_s), later};
        row("continues without an edge", p, u"later"_s, u"continues earlier but has no edge from it"_s);
    }
    {
        Pipeline p;
        p.variables = {{u"same"_s, {}, {}}};
        p.nodes = {textInput(u"same"_s)};
        row("a variable and a node share a name", p, u"same"_s, u"a variable has the same name"_s);
    }
    {
        Pipeline p;
        Node join = node(u"j"_s, NodeKind::Transform);
        join.op = TransformOp::Join;
        p.nodes = {textInput(u"text"_s), join};
        p.edges = {{u"text"_s, u"j"_s, {}, {}}};
        row("join of text", p, u"j"_s, u"join needs a list; text gives text"_s);
    }
    {
        Pipeline p;
        Node split = splitNode(u"s"_s);
        split.by = SplitBy::Tokens;
        split.size = 100;
        split.overlap = 80;
        p.nodes = {textInput(u"text"_s), split};
        p.edges = {{u"text"_s, u"s"_s, {}, {}}};
        row("overlap too large", p, u"s"_s, u"the overlap (80) must be at most half the size (100)"_s);
    }
}

void TestPipelineValidator::findsEachProblem()
{
    QFETCH(Pipeline, pipeline);
    QFETCH(QString, node);
    QFETCH(QString, problem);
    AppConfig config;
    ProviderProfile fake;
    fake.id = u"fake"_s;
    fake.presetId = u"custom"_s;
    fake.auth = AuthStyle::None;
    fake.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    ProviderProfile listed = fake;
    listed.id = u"listed"_s;
    config.profiles = {fake, listed};
    ModelCatalog catalog(config);
    ModelInfo one;
    one.id = u"one-model"_s;
    catalog.setListed(listed, {one}, QDateTime::currentDateTimeUtc());
    QTemporaryDir base;
    ValidationContext context;
    context.config = &config;
    context.catalog = &catalog;
    context.keyProblems = {{u"openai"_s, u"no API key for openai"_s}};
    context.baseDir = base.path();
    const QList<PipelineProblem> problems = validatePipeline(pipeline, context);
    QStringList seen;
    bool found = false;
    for (const PipelineProblem& p : problems) {
        seen.append(p.node + u": "_s + p.message);
        found = found || (p.node == node && p.message.contains(problem));
    }
    QVERIFY2(found, qPrintable(u"wanted “%1: %2”, got: %3"_s.arg(node, problem, seen.join(u" | "_s))));
}

void TestPipelineValidator::aSoundPipelineHasNoProblems()
{
    Pipeline p;
    p.variables = {{u"input"_s, u"hello"_s, {}}};
    p.nodes = {node(u"input_node"_s, NodeKind::Input), splitNode(u"pieces"_s), modelNode(u"each"_s, u"{{item}} / {{input}}"_s),
               node(u"joined"_s, NodeKind::Transform), node(u"out"_s, NodeKind::Output)};
    p.nodes[0].variable = u"input"_s;
    p.nodes[3].op = TransformOp::Join;
    p.edges = {{u"input_node"_s, u"pieces"_s, {}, {}}, {u"pieces"_s, u"each"_s, {}, kItemsPort},
               {u"each"_s, u"joined"_s, {}, {}}, {u"joined"_s, u"out"_s, {}, {}}};
    QVERIFY(validatePipeline(p, {}).isEmpty());
}

void TestPipelineValidator::transformsExtractAndCheck()
{
    QCOMPARE(regexExtract(u"a1 b22 c333"_s, u"\\d+"_s, RegexMode::All, {}).value, StepValue::ofList({u"1"_s, u"22"_s, u"333"_s}));
    QCOMPARE(regexExtract(u"key=value"_s, u"(?<k>\\w+)=(\\w+)"_s, RegexMode::First, u"2"_s).value->text, u"value"_s);
    QCOMPARE(regexExtract(u"nothing"_s, u"\\d"_s, RegexMode::First, {}).error, u"the pattern does not match the text"_s);
    QCOMPARE(regexExtract(u"a"_s, u"(a)"_s, RegexMode::First, u"nope"_s).error, u"the pattern has no group “nope”"_s);
    QVERIFY(regexExtract(u"a"_s, u"(a"_s, RegexMode::First, {}).error.startsWith(u"the pattern is not a valid"_s));
    // JSON in a model's answer: whole, fenced, or with words around it.
    const QString fenced = u"Here you go:\n```json\n{\"items\": [{\"name\": \"a/b\"}, {\"name\": \"c~d\"}]}\n```\nDone."_s;
    QCOMPARE(jsonPointerExtract(fenced, u"/items/1/name"_s).value->text, u"c~d"_s);
    QCOMPARE(jsonPointerExtract(u"{\"a/b\": {\"c~d\": 5}}"_s, u"/a~1b/c~0d"_s).value->text, u"5"_s);
    QCOMPARE(jsonPointerExtract(u"Sure! {\"x\": [1, 2]} hope that helps"_s, u"/x"_s).value->text, u"[1,2]"_s);
    QCOMPARE(jsonPointerExtract(u"not json at all"_s, u"/x"_s).error, u"the text is not JSON"_s);
    QCOMPARE(jsonPointerExtract(u"{\"x\": 1}"_s, u"/y"_s).error, u"no value at /y in the JSON"_s);
    QCOMPARE(jsonPointerExtract(u"[1]"_s, u"/5"_s).error, u"no value at /5 in the JSON"_s);
    QVERIFY(jsonPointerExtract(u"{}"_s, u"x"_s).error.contains(u"not a JSON Pointer"_s));
    QCOMPARE(jsonValidate(u"{\"n\": 3}"_s, R"({"type":"object","properties":{"n":{"type":"integer","minimum":1}}})").value->text,
             u"{\"n\": 3}"_s);
    QCOMPARE(jsonValidate(u"{\"n\": 0}"_s, R"({"properties":{"n":{"minimum":1}}})").error,
             u"the JSON does not fit the schema: $.n: less than 1"_s);
    QCOMPARE(checkJsonAgainstSchema(R"({"tags": ["a", 2]})", R"({"properties":{"tags":{"items":{"type":"string"}}}})"),
             u"$.tags[1]: expected string"_s);
    QCOMPARE(checkJsonAgainstSchema(R"({"a": 1, "b": 2})", R"({"properties":{"a":{}},"additionalProperties":false})"),
             u"$.b: not allowed here"_s);
    QCOMPARE(checkJsonAgainstSchema(R"("c")", R"({"enum": ["a", "b"]})"), u"$: not one of the allowed values"_s);
    QCOMPARE(checkJsonAgainstSchema(QByteArray(100'000, '[') + QByteArray(100'000, ']'), {}), u"the JSON nests too deeply"_s);
    // Splitting by separator and by paragraphs: trimmed, blank pieces dropped.
    QCOMPARE(splitText(u"a --- b ---\n--- c"_s, SplitBy::Separator, u"---"_s, 0, 0), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(splitText(u"one\n\n  \ntwo\nstill two\n\n\nthree"_s, SplitBy::Paragraphs, {}, 0, 0),
             (QStringList{u"one"_s, u"two\nstill two"_s, u"three"_s}));
}

void TestPipelineValidator::splitsByTokensWithOverlap()
{
    QStringList words;
    for (int i = 0; i < 400; ++i)
        words.append(u"w%1"_s.arg(i, 3, 10, QLatin1Char('0'))); // 4 characters and a space: 1.25 tokens each
    const QString text = words.join(u' ');
    const QStringList pieces = splitText(text, SplitBy::Tokens, {}, 100, 20);
    QVERIFY(pieces.size() >= 5 && pieces.size() <= 7);
    for (const QString& piece : pieces)
        QVERIFY2(estimateTokens(piece) <= 101, qPrintable(QString::number(estimateTokens(piece))));
    for (qsizetype i = 0; i + 1 < pieces.size(); ++i) {
        // Broken at a space, and the next piece starts with about the last 20 tokens of this one.
        QVERIFY(pieces.at(i).endsWith(u' '));
        const qsizetype from = pieces.at(i).indexOf(pieces.at(i + 1).left(5));
        QVERIFY2(from > 0, qPrintable(pieces.at(i + 1).left(60)));
        const QString shared = pieces.at(i).mid(from);
        QVERIFY(pieces.at(i + 1).startsWith(shared));
        QVERIFY2(estimateTokens(shared) >= 15 && estimateTokens(shared) <= 21, qPrintable(shared));
    }
    QVERIFY(pieces.constFirst().startsWith(u"w000"_s));
    QVERIFY(pieces.constLast().endsWith(u"w399"_s));
    // Wide scripts weigh a token a character.
    const QStringList cjk = splitText(QString(300, QChar(0x6587)), SplitBy::Tokens, {}, 100, 0);
    QCOMPARE(cjk.size(), 3);
    QCOMPARE(cjk.constFirst().size(), 100);
}

void TestPipelineValidator::scriptsRunAndReportErrors()
{
    const StepValue input = StepValue::ofList({u"b"_s, u"a"_s});
    ScriptOutcome out = runScript(u"items.slice().sort()"_s, input, {}, 1000);
    QCOMPARE(out.value, StepValue::ofList({u"a"_s, u"b"_s}));
    out = runScript(u"const n = items.length; return {count: n, v: vars.x};"_s, input, {{u"x"_s, u"1"_s}}, 1000);
    QCOMPARE(out.value->text, u"{\"count\":2,\"v\":\"1\"}"_s);
    out = runScript(u"text.includes('b')"_s, StepValue::ofText(u"abc"_s), {}, 1000);
    QVERIFY(out.truthy);
    out = runScript(u"undefinedThing.call()"_s, input, {}, 1000);
    QVERIFY(!out.value && out.error.contains(u"undefinedThing"_s));
    // No way out of the sandbox: no file or network objects, no console.
    for (const QString& probe : {u"typeof XMLHttpRequest"_s, u"typeof require"_s, u"typeof console"_s, u"typeof Qt"_s}) {
        out = runScript(probe, StepValue::ofText({}), {}, 1000);
        QVERIFY2(out.value && out.value->text == u"undefined"_s, qPrintable(probe + u" → "_s + (out.value ? out.value->text : out.error)));
    }
    // Nor a module loaded from a file.
    out = runScript(u"import('/etc/hostname')"_s, StepValue::ofText({}), {}, 1000);
    QVERIFY(!out.value || !out.value->text.contains(qEnvironmentVariable("HOSTNAME", u"\x01"_s)));
    out = runScript(u"JSON.stringify(Object.keys(this))"_s, StepValue::ofText({}), {}, 1000);
    QVERIFY2(out.value && !out.value->text.contains(u"console"_s), qPrintable(out.value ? out.value->text : out.error));
    QVERIFY(!scriptSyntaxError(u"1 +"_s).isEmpty());
    // A script cannot close the function it is made into and run code while it is checked or made.
    const QString escape = u"1) }); while (true) {} (function () { return (1"_s;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!scriptSyntaxError(escape).isEmpty());
    out = runScript(escape, StepValue::ofText({}), {}, 5000);
    QVERIFY(!out.value && !out.timedOut);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // Built-ins are frozen: one script cannot change them (or leave a global) for the next on the same engine.
    out = runScript(u"Array.prototype.sneaky = 1; 1"_s, StepValue::ofText({}), {}, 1000);
    QVERIFY2(!out.value, qPrintable(out.value ? out.value->text : QString()));
    out = runScript(u"Object.defineProperty(Object.getPrototypeOf(Math), 'leak', {value: 1}); 1"_s,
                    StepValue::ofText({}), {}, 1000);
    QVERIFY(!out.value);
    out = runScript(u"[].sneaky === undefined && typeof leak === 'undefined'"_s, StepValue::ofText({}), {}, 1000);
    QCOMPARE(out.value->text, u"true"_s);
    // A result nested a hundred thousand deep is refused, not recursed into.
    out = runScript(u"let a = []; for (let i = 0; i < 100000; ++i) a = [a]; return a;"_s, StepValue::ofText({}), {}, 5000);
    QVERIFY2(!out.value && out.error.contains(u"nests deeper than 64"_s), qPrintable(out.error));
    // A cancel stops a running script at once.
    std::atomic<bool> cancelled{false};
    std::thread canceller([&cancelled] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancelled = true;
    });
    timer.restart();
    out = runScript(u"for (;;) {}"_s, StepValue::ofText({}), {}, 60'000, &cancelled);
    canceller.join();
    QCOMPARE(out.error, u"cancelled"_s);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(scriptSyntaxError(u"text.trim()"_s).isEmpty());
    QVERIFY(scriptSyntaxError(u"  "_s).contains(u"empty"_s));
}

void TestPipelineValidator::estimatesNeverWrapAround()
{
    // A map of a map with huge bounds: the estimate saturates to "no upper bound", never a negative figure that
    // would slip under the budget guard.
    AppConfig config;
    ProviderProfile paid;
    paid.id = u"paid"_s;
    paid.presetId = u"custom"_s;
    paid.auth = AuthStyle::None;
    paid.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    config.profiles = {paid};
    ModelPrice price;
    price.base.input = 10;
    price.base.output = 30;
    config.priceOverrides.insert(u"paid/big"_s, price);
    ModelCatalog catalog(config);
    Pipeline p;
    p.variables = {{u"text"_s, QString(1'000'000, u'x'), {}}};
    Node in = node(u"text_in"_s, NodeKind::Input);
    in.variable = u"text"_s;
    Node pieces = splitNode(u"pieces"_s);
    pieces.by = SplitBy::Tokens;
    pieces.size = 1;
    Node first = modelNode(u"first"_s, u"{{item}}"_s, u"paid/big"_s);
    first.maxTokens = 10'000'000;
    Node again = splitNode(u"again"_s);
    again.by = SplitBy::Tokens;
    again.size = 1;
    Node second = modelNode(u"second"_s, u"{{item}}"_s, u"paid/big"_s);
    second.maxTokens = 10'000'000;
    Node joined = node(u"joined"_s, NodeKind::Transform);
    joined.op = TransformOp::Join;
    Node third = modelNode(u"third"_s, u"{{joined}}"_s, u"paid/big"_s);
    third.maxTokens = 10'000'000;
    p.nodes = {in, pieces, first, joined, again, second, third};
    p.edges = {{u"text_in"_s, u"pieces"_s, {}, {}}, {u"pieces"_s, u"first"_s, {}, kItemsPort},
               {u"first"_s, u"joined"_s, {}, {}}, {u"joined"_s, u"again"_s, {}, {}},
               {u"again"_s, u"second"_s, {}, kItemsPort}, {u"joined"_s, u"third"_s, {}, {}}};
    const PipelineEstimate e = estimatePipeline(p, {{u"text"_s, QString(1'000'000, u'x')}}, config, catalog, {});
    QVERIFY(e.total);
    QVERIFY(e.total->min >= 0);
    QVERIFY(!e.total->max || *e.total->max >= e.total->min);
    for (const NodeEstimate& n : e.models) {
        QVERIFY(n.min >= 0);
        QVERIFY(n.callsMin >= 0);
        QVERIFY(!n.max || *n.max >= 0);
    }
}

QTEST_GUILESS_MAIN(TestPipelineValidator)
#include "TestPipelineValidator.moc"
