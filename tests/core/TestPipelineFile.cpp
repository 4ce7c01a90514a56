// SPDX-License-Identifier: GPL-3.0-or-later
// The .juxta file and the document that edits a pipeline: a written pipeline reads back equal and writes the same
// bytes; the shipped examples are in that canonical form and valid; moving a node changes its layout line only;
// hostile files (huge, deep, wrong types, newer versions, a base URL or key smuggled in) are clear errors naming
// the place; renaming a node rewrites every reference to it as one change; templates find, rename and fill in
// references.
#include "pipeline/PipelineDocument.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/TemplateText.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

const QString kExamples = QStringLiteral(JUXTA_EXAMPLES_DIR);

Pipeline sample()
{
    Pipeline p;
    p.name = u"Sample"_s;
    p.description = u"Every kind once"_s;
    p.variables = {{u"input"_s, u"Some text"_s, u"What to work on"_s}};
    Node in;
    in.name = u"article"_s;
    in.kind = NodeKind::Input;
    in.variable = u"input"_s;
    Node model;
    model.name = u"summary"_s;
    model.kind = NodeKind::Model;
    model.model = u"openai/gpt-4o-mini"_s;
    model.fallbacks = {u"anthropic/claude-haiku-4-5"_s};
    model.system = u"Be brief."_s;
    model.prompt = u"Summarize:\n\n{{article}}"_s;
    model.temperature = 0.2;
    model.maxTokens = 300;
    model.json = JsonOutput::Schema;
    model.schema = R"({"type":"object","properties":{"text":{"type":"string"}},"required":["text"]})";
    model.concurrency = 2;
    Node pick;
    pick.name = u"pick"_s;
    pick.kind = NodeKind::Transform;
    pick.op = TransformOp::JsonPointer;
    pick.pointer = u"/text"_s;
    Node check;
    check.name = u"check"_s;
    check.kind = NodeKind::Condition;
    check.test = ConditionTest::Script;
    check.script = u"text.length > 10"_s;
    check.timeoutMs = 200;
    Node yes;
    yes.name = u"long_one"_s;
    yes.kind = NodeKind::Template;
    yes.text = u"Long: {{pick}}"_s;
    Node no;
    no.name = u"short_one"_s;
    no.kind = NodeKind::Template;
    no.text = u"Short: {{pick}}"_s;
    Node merge;
    merge.name = u"either"_s;
    merge.kind = NodeKind::Merge;
    Node out;
    out.name = u"result"_s;
    out.kind = NodeKind::Output;
    p.nodes = {in, model, pick, check, yes, no, merge, out};
    p.edges = {{u"article"_s, u"summary"_s, {}, {}}, {u"summary"_s, u"pick"_s, {}, {}},
               {u"pick"_s, u"check"_s, {}, {}},      {u"check"_s, u"long_one"_s, kThen, {}},
               {u"pick"_s, u"long_one"_s, {}, {}},    {u"check"_s, u"short_one"_s, kElse, {}},
               {u"pick"_s, u"short_one"_s, {}, {}},   {u"long_one"_s, u"either"_s, {}, {}},
               {u"short_one"_s, u"either"_s, {}, {}}, {u"either"_s, u"result"_s, {}, {}}};
    int x = 0;
    for (const Node& n : p.nodes)
        p.positions.insert(n.name, QPointF(x += 200, 40));
    return p;
}

} // namespace

class TestPipelineFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsByteForByte();
    void examplesAreCanonicalAndValid_data();
    void examplesAreCanonicalAndValid();
    void movingANodeChangesItsLayoutLineOnly();
    void hostileFilesAreClearErrors_data();
    void hostileFilesAreClearErrors();
    void hugeAndDeepFilesAreRefused();
    void renamingRewritesEveryReference();
    void documentSaysWhatChanged();
    void templatesFindRenameAndFillIn();
};

void TestPipelineFile::roundTripsByteForByte()
{
    const Pipeline p = sample();
    const QByteArray bytes = writePipeline(p);
    QString error;
    const std::optional<Pipeline> back = readPipeline(bytes, error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->nodes.size(), p.nodes.size());
    for (const Node& n : p.nodes) {
        QVERIFY(back->node(n.name));
        QCOMPARE(*back->node(n.name), n);
    }
    QCOMPARE(back->edges, p.edges);
    QCOMPARE(back->variables, p.variables);
    QCOMPARE(back->positions, p.positions);
    QCOMPARE(writePipeline(*back), bytes);
    // Deterministic: nodes by name, fixed key order, defaults left out.
    const QString text = QString::fromUtf8(bytes);
    QVERIFY(text.indexOf(u"\"name\": \"article\""_s) < text.indexOf(u"\"name\": \"check\""_s));
    QVERIFY(text.startsWith(u"{\n  \"format\": \"juxta.pipeline\",\n  \"version\": 1,"_s));
    QVERIFY(!text.contains(u"\"concurrency\": 4"_s));
    QVERIFY(text.contains(u"\"concurrency\": 2"_s));
    QVERIFY(text.contains(u"    \"article\": [200, 40],\n"_s)); // one line per node position
}

void TestPipelineFile::examplesAreCanonicalAndValid_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(kExamples).entryList({u"*.juxta"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 4);
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << QDir(kExamples).filePath(f);
}

void TestPipelineFile::examplesAreCanonicalAndValid()
{
    QFETCH(QString, file);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QString error;
    const std::optional<Pipeline> p = readPipeline(bytes, error);
    QVERIFY2(p, qPrintable(error));
    const QByteArray written = writePipeline(*p);
    if (written != bytes) { // leave the canonical form next to the build for a look
        QFile out(QDir::temp().filePath(QFileInfo(file).fileName()));
        if (out.open(QIODevice::WriteOnly))
            out.write(written);
    }
    QCOMPARE(QString::fromUtf8(written), QString::fromUtf8(bytes));
    ValidationContext context;
    context.baseDir = kExamples;
    const QList<PipelineProblem> problems = validatePipeline(*p, context);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.constFirst().node + u": "_s
                                                                                 + problems.constFirst().message));
    // Every example runs with no key: its models are the built-in offline ones.
    for (const Node& n : p->nodes) {
        if (n.kind == NodeKind::Model)
            QVERIFY2(n.model.startsWith(u"scripted/"_s) || n.model.startsWith(u"echo/"_s), qPrintable(n.model));
    }
}

void TestPipelineFile::movingANodeChangesItsLayoutLineOnly()
{
    Pipeline p = sample();
    const QStringList before = QString::fromUtf8(writePipeline(p)).split(u'\n');
    p.positions[u"check"_s] = QPointF(999, 12);
    const QStringList after = QString::fromUtf8(writePipeline(p)).split(u'\n');
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (int i = 0; i < before.size(); ++i) {
        if (before.at(i) != after.at(i)) {
            ++changed;
            QCOMPARE(after.at(i).trimmed(), u"\"check\": [999, 12],"_s);
        }
    }
    QCOMPARE(changed, 1);
}

void TestPipelineFile::hostileFilesAreClearErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray head = R"({"format": "juxta.pipeline", "version": 1, "name": "x", )";
    QTest::newRow("not JSON") << QByteArray("{nope") << u"not valid JSON"_s;
    QTest::newRow("not a pipeline") << QByteArray(R"({"format": "other", "version": 1})") << u"not a Juxta pipeline"_s;
    QTest::newRow("newer version") << QByteArray(R"({"format": "juxta.pipeline", "version": 7})")
                                   << u"newer Juxta (format version 7; this one reads version 1)"_s;
    QTest::newRow("version as text") << QByteArray(R"({"format": "juxta.pipeline", "version": "1"})")
                                     << u"pipeline.version: expected a whole number"_s;
    QTest::newRow("nodes not a list") << head + R"("nodes": {}})" << u"pipeline.nodes: expected a list"_s;
    QTest::newRow("temperature as text")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "temperature": "hot"}]})"
        << u"nodes[0] (a).temperature: expected a number"_s;
    QTest::newRow("temperature too high")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "temperature": 9}]})"
        << u"nodes[0] (a).temperature: must be between 0 and 2"_s;
    QTest::newRow("unknown kind") << head + R"("nodes": [{"name": "a", "kind": "shell"}]})"
                                  << u"nodes[0] (a).kind: \"shell\" is not a node kind"_s;
    QTest::newRow("bad name") << head + R"("nodes": [{"name": "Bad Name", "kind": "output"}]})"
                              << u"nodes[0] (Bad Name).name: \"Bad Name\" is not a valid name"_s;
    QTest::newRow("same name twice") << head + R"("nodes": [{"name": "a", "kind": "output"}, {"name": "a", "kind": "merge"}]})"
                                     << u"nodes[1]: the name \"a\" is used twice"_s;
    QTest::newRow("unknown field") << head + R"("nodes": [{"name": "a", "kind": "output", "colour": "red"}]})"
                                   << u"nodes[0] (a).colour: unknown field"_s;
    QTest::newRow("base URL smuggled into a node")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "base_url": "https://evil.example/v1"}]})"
        << u"nodes[0] (a).base_url: not allowed: a pipeline names profiles by id only"_s;
    QTest::newRow("headers smuggled into a node")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "headers": {"x": "y"}}]})"
        << u"nodes[0] (a).headers: not allowed"_s;
    QTest::newRow("a key at the top") << head + R"("api_key": "sk-test-fake"})" << u"pipeline.api_key: not allowed"_s;
    QTest::newRow("a URL as the model")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "https://evil.example/v1/chat"}]})"
        << u"nodes[0] (a).model: \"https://evil.example/v1/chat\" is not profile/model"_s;
    QTest::newRow("a URL as a fallback")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "fallbacks": ["http://x:1/v1#m"]}]})"
        << u"is not profile/model"_s;
    QTest::newRow("edge branch") << head + R"("edges": [{"from": "a", "to": "b", "branch": "maybe"}]})"
                                 << u"edges[0].branch: must be \"then\" or \"else\""_s;
    QTest::newRow("layout not a pair") << head + R"("layout": {"a": [1]}})" << u"layout.a: expected [x, y]"_s;
    QTest::newRow("fallbacks not text")
        << head + R"("nodes": [{"name": "a", "kind": "model", "model": "p/m", "fallbacks": [1]}]})"
        << u"nodes[0] (a).fallbacks: expected a list of text"_s;
}

void TestPipelineFile::hostileFilesAreClearErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!readPipeline(bytes, got));
    QVERIFY2(got.contains(error), qPrintable(u"got: "_s + got));
}

void TestPipelineFile::hugeAndDeepFilesAreRefused()
{
    QString error;
    const QByteArray deep = QByteArray(R"({"format": "juxta.pipeline", "version": 1, "name": )") + QByteArray(100'000, '[')
                            + QByteArray(100'000, ']') + '}';
    QVERIFY(!readPipeline(deep, error));
    QVERIFY2(error.contains(u"nests deeper than 64"_s), qPrintable(error));
    QByteArray huge(kMaxPipelineFileBytes + 1, ' ');
    QVERIFY(!readPipeline(huge, error));
    QVERIFY2(error.contains(u"larger than 16 MiB"_s), qPrintable(error));
    QTemporaryDir dir;
    QFile file(dir.filePath(u"huge.juxta"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(kMaxPipelineFileBytes + 10));
    file.close();
    QVERIFY(!loadPipelineFile(file.fileName(), error));
    QVERIFY2(error.contains(u"larger than 16 MiB"_s), qPrintable(error));
    // Braces inside strings are text, not nesting.
    QVERIFY2(readPipeline(R"({"format": "juxta.pipeline", "version": 1, "name": ")" + QByteArray(500, '[') + R"("})",
                          error),
             qPrintable(error));
}

void TestPipelineFile::renamingRewritesEveryReference()
{
    PipelineDocument doc;
    Pipeline p = sample();
    Node follow;
    follow.name = u"follow"_s;
    follow.kind = NodeKind::Model;
    follow.model = u"openai/gpt-4o"_s;
    follow.prompt = u"More on {{ summary }} and {{summary}}; not {summary}"_s;
    follow.continues = u"summary"_s;
    p.nodes.append(follow);
    p.edges.append({u"summary"_s, u"follow"_s, {}, {}});
    doc.reset(p);
    QSignalSpy changed(&doc, &PipelineDocument::changed);
    QSignalSpy renamed(&doc, &PipelineDocument::nodeRenamed);
    QString error;
    QVERIFY(!doc.renameNode(u"summary"_s, u"pick"_s, &error)); // taken
    QVERIFY(error.contains(u"already used"_s));
    QVERIFY(!doc.renameNode(u"summary"_s, u"Bad"_s, &error));
    QVERIFY(!doc.renameNode(u"summary"_s, u"input"_s, &error)); // a variable's name
    QVERIFY(doc.renameNode(u"summary"_s, u"digest"_s, &error));
    QCOMPARE(changed.size(), 1); // one change of the document
    QCOMPARE(renamed.size(), 1);
    const Pipeline& now = doc.pipeline();
    QVERIFY(!now.node(u"summary"_s));
    QCOMPARE(now.node(u"follow"_s)->prompt, u"More on {{ digest }} and {{digest}}; not {summary}"_s);
    QCOMPARE(now.node(u"follow"_s)->continues, u"digest"_s);
    QVERIFY(now.hasEdge(u"article"_s, u"digest"_s) && now.hasEdge(u"digest"_s, u"pick"_s));
    QVERIFY(now.positions.contains(u"digest"_s) && !now.positions.contains(u"summary"_s));
    // Variables too: {{input}} in the Input node that passes it on.
    QVERIFY(doc.renameVariable(u"input"_s, u"text"_s, &error));
    QCOMPARE(doc.pipeline().node(u"article"_s)->variable, u"text"_s);
    ValidationContext context;
    const QList<PipelineProblem> problems = validatePipeline(doc.pipeline(), context);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.constFirst().message));
}

void TestPipelineFile::documentSaysWhatChanged()
{
    PipelineDocument doc;
    doc.reset(sample());
    QSignalSpy removedEdges(&doc, &PipelineDocument::edgeRemoved);
    QSignalSpy removed(&doc, &PipelineDocument::nodeRemoved);
    QVERIFY(doc.removeNode(u"pick"_s));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removedEdges.size(), 4); // summary→pick, pick→check, pick→long_one, pick→short_one
    QVERIFY(doc.pipeline().edgesFrom(u"summary"_s).isEmpty());
    Node extra;
    extra.name = u"summary"_s; // taken: a fresh name is made from it
    extra.kind = NodeKind::Template;
    const QString name = doc.addNode(extra, QPointF(10, 20));
    QCOMPARE(name, u"summary_2"_s);
    QCOMPARE(doc.pipeline().positions.value(name), QPointF(10, 20));
    QString error;
    QVERIFY(!doc.addEdge({name, name, {}, {}}, &error));
    QVERIFY(!doc.addEdge({u"nowhere"_s, name, {}, {}}, &error));
    QVERIFY(doc.addEdge({u"summary"_s, name, {}, {}}, &error));
    QVERIFY(!doc.addEdge({u"summary"_s, name, {}, {}}, &error)); // already there
    QSignalSpy moved(&doc, &PipelineDocument::nodeMoved);
    QVERIFY(doc.moveNode(name, QPointF(5, 5)));
    QCOMPARE(moved.size(), 1);
    Node changedNode = *doc.pipeline().node(name);
    changedNode.text = u"{{summary}}!"_s;
    changedNode.name = u"ignored"_s; // updateNode never renames
    QSignalSpy nodeChanged(&doc, &PipelineDocument::nodeChanged);
    QVERIFY(doc.updateNode(name, changedNode));
    QCOMPARE(nodeChanged.size(), 1);
    QCOMPARE(doc.pipeline().node(name)->text, u"{{summary}}!"_s);
}

void TestPipelineFile::templatesFindRenameAndFillIn()
{
    const QString text = u"{{a}} and {{ b }}, {{a}} again; {{Not}} {{ }} {x} {{item}}"_s;
    QCOMPARE(templateReferences(text), (QStringList{u"a"_s, u"b"_s, u"item"_s}));
    QCOMPARE(renameReference(text, u"a"_s, u"z"_s), u"{{z}} and {{ b }}, {{z}} again; {{Not}} {{ }} {x} {{item}}"_s);
    QStringList missing;
    const QString filled = renderTemplate(text, [](const QString& name) -> std::optional<QString> {
        if (name == u"a"_s)
            return u"1"_s;
        if (name == u"item"_s)
            return u"{{b}}"_s; // a value is never read as a template
        return std::nullopt;
    }, &missing);
    QCOMPARE(filled, u"1 and {{ b }}, 1 again; {{Not}} {{ }} {x} {{b}}"_s);
    QCOMPARE(missing, QStringList{u"b"_s});
}

QTEST_GUILESS_MAIN(TestPipelineFile)
#include "TestPipelineFile.moc"
