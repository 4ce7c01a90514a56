// SPDX-License-Identifier: GPL-3.0-or-later
// What the editor builds on in the core: a document that becomes any earlier pipeline and says so node by node
// (undo), the clipboard's fragments (internal edges only, clashing names renamed with their references), the
// connection rules a drag is checked against, and auto-arrange's longest-path layers.
#include "pipeline/PipelineDocument.h"
#include "pipeline/PipelineFragment.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/PipelineLayout.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

Node node(const QString& name, NodeKind kind, const QString& text = {})
{
    Node n;
    n.name = name;
    n.kind = kind;
    n.text = text;
    n.prompt = kind == NodeKind::Model ? text : QString();
    if (kind == NodeKind::Model)
        n.model = u"offline/echo"_s;
    return n;
}

Pipeline chain()
{
    Pipeline p;
    p.nodes = {node(u"a"_s, NodeKind::Template, u"hello"_s), node(u"b"_s, NodeKind::Model, u"say {{a}}"_s),
               node(u"c"_s, NodeKind::Output)};
    p.edges = {{u"a"_s, u"b"_s, {}, {}}, {u"b"_s, u"c"_s, {}, {}}};
    p.positions = {{u"a"_s, {0, 0}}, {u"b"_s, {300, 0}}, {u"c"_s, {600, 0}}};
    return p;
}

} // namespace

class TestPipelineEditing : public QObject
{
    Q_OBJECT

private slots:
    void transitionToSaysWhatChanged();
    void fragmentKeepsOnlyInternalEdges();
    void pastedNamesThatClashAreRenamedWithTheirReferences();
    void foreignTextIsNotAFragment();
    void connectionRules();
    void layersFollowTheLongestPath();
};

void TestPipelineEditing::transitionToSaysWhatChanged()
{
    PipelineDocument doc;
    doc.reset(chain());
    Pipeline target = chain();
    target.nodes.removeAt(2);                        // c goes, with its edge
    target.edges.removeLast();
    target.nodes.append(node(u"d"_s, NodeKind::Output)); // d comes
    target.edges.append({u"b"_s, u"d"_s, {}, {}});
    target.positions.remove(u"c"_s);
    target.positions.insert(u"d"_s, {600, 200});
    target.positions[u"a"_s] = {0, 100};             // a moves
    target.nodes[1].prompt = u"shout {{a}}"_s;        // b changes
    QSignalSpy removedEdges(&doc, &PipelineDocument::edgeRemoved);
    QSignalSpy removed(&doc, &PipelineDocument::nodeRemoved);
    QSignalSpy added(&doc, &PipelineDocument::nodeAdded);
    QSignalSpy changed(&doc, &PipelineDocument::nodeChanged);
    QSignalSpy moved(&doc, &PipelineDocument::nodeMoved);
    QSignalSpy addedEdges(&doc, &PipelineDocument::edgeAdded);
    doc.transitionTo(target);
    QVERIFY(doc.pipeline() == target);
    QCOMPARE(removedEdges.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), u"c"_s);
    QCOMPARE(added.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"b"_s);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(addedEdges.size(), 1);
    // And back, edge order included (a Merge takes the first input, so order is meaning).
    Pipeline reordered = chain();
    std::swap(reordered.edges[0], reordered.edges[1]);
    doc.transitionTo(reordered);
    QVERIFY(doc.pipeline() == reordered);
}

void TestPipelineEditing::fragmentKeepsOnlyInternalEdges()
{
    QString error;
    const std::optional<Pipeline> part = readFragment(copyFragment(chain(), {u"a"_s, u"b"_s}), error);
    QVERIFY2(part, qPrintable(error));
    QCOMPARE(part->nodes.size(), 2);
    QCOMPARE(part->edges.size(), 1);
    QCOMPARE(part->edges.constFirst().to, u"b"_s);
    QCOMPARE(part->positions.value(u"b"_s), QPointF(300, 0));
}

void TestPipelineEditing::pastedNamesThatClashAreRenamedWithTheirReferences()
{
    QString error;
    const Pipeline part = *readFragment(copyFragment(chain(), {u"a"_s, u"b"_s}), error);
    Pipeline into = chain();
    Variable v;
    v.name = u"a_2"_s; // a variable takes the first fresh name: the node gets the next
    into.variables.append(v);
    const Pipeline fitted = fitFragment(part, into, {10, 20});
    QVERIFY(fitted.node(u"a_3"_s));
    QVERIFY(fitted.node(u"b_2"_s));
    QCOMPARE(fitted.node(u"b_2"_s)->prompt, u"say {{a_3}}"_s);
    QCOMPARE(fitted.edges.constFirst(), (Edge{u"a_3"_s, u"b_2"_s, {}, {}}));
    QCOMPARE(fitted.positions.value(u"b_2"_s), QPointF(310, 20));
    // Into an empty pipeline nothing is renamed.
    const Pipeline same = fitFragment(part, Pipeline(), {});
    QVERIFY(same.node(u"a"_s) && same.node(u"b"_s));
}

void TestPipelineEditing::foreignTextIsNotAFragment()
{
    QString error;
    QVERIFY(!readFragment("Hello, world", error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!readFragment(R"({"format": "juxta.pipeline", "version": 1, "nodes": []})", error));
    QVERIFY(error.contains(u"no nodes"_s));
    QVERIFY(!readFragment(R"({"format": "juxta.conversation", "version": 1})", error));
}

void TestPipelineEditing::connectionRules()
{
    Pipeline p = chain();
    Node input = node(u"in"_s, NodeKind::Input);
    Node cond = node(u"check"_s, NodeKind::Condition);
    Node split = node(u"pieces"_s, NodeKind::Transform);
    split.op = TransformOp::Split;
    Node test = node(u"test"_s, NodeKind::Condition);
    p.nodes << input << cond << split << test;
    QVERIFY(connectionProblem(p, {u"a"_s, u"in"_s, {}, {}}).contains(u"input takes nothing"_s));
    QVERIFY(connectionProblem(p, {u"c"_s, u"a"_s, {}, {}}).contains(u"output passes nothing"_s));
    QVERIFY(connectionProblem(p, {u"a"_s, u"a"_s, {}, {}}).contains(u"itself"_s));
    QVERIFY(connectionProblem(p, {u"a"_s, u"b"_s, {}, {}}).contains(u"already"_s));
    QVERIFY(connectionProblem(p, {u"b"_s, u"a"_s, {}, {}}).contains(u"loop"_s));
    QVERIFY(connectionProblem(p, {u"check"_s, u"c"_s, {}, {}}).contains(u"then or else"_s));
    QVERIFY(connectionProblem(p, {u"check"_s, u"c"_s, kThen, {}}).isEmpty());
    QVERIFY(connectionProblem(p, {u"a"_s, u"c"_s, kThen, {}}).contains(u"only a condition"_s));
    QVERIFY(connectionProblem(p, {u"a"_s, u"b"_s, {}, kItemsPort}).contains(u"not a list"_s));
    QVERIFY(connectionProblem(p, {u"a"_s, u"c"_s, {}, kItemsPort}).contains(u"only a model"_s));
    p.edges.append({u"a"_s, u"pieces"_s, {}, {}});
    QVERIFY(connectionProblem(p, {u"pieces"_s, u"b"_s, {}, kItemsPort}).isEmpty());
    QVERIFY(connectionProblem(p, {u"pieces"_s, u"test"_s, {}, {}}).contains(u"join it first"_s));
    QCOMPARE(inputPortsOf(p.nodes.at(1)), (QStringList{QString(), kItemsPort}));
    QCOMPARE(outputPortsOf(cond), (QStringList{kThen, kElse}));
    QVERIFY(inputPortsOf(input).isEmpty());
}

void TestPipelineEditing::layersFollowTheLongestPath()
{
    Pipeline p = chain();
    p.nodes.append(node(u"side"_s, NodeKind::Template));
    p.edges.append({u"a"_s, u"c"_s, {}, {}}); // a shortcut: c still goes after b
    p.positions.insert(u"side"_s, {0, -50});
    const QHash<QString, int> layers = longestPathLayers(p);
    QCOMPARE(layers.value(u"a"_s), 0);
    QCOMPARE(layers.value(u"b"_s), 1);
    QCOMPARE(layers.value(u"c"_s), 2);
    QCOMPARE(layers.value(u"side"_s), 0);
    const QHash<QString, QPointF> at = arrangedPositions(p, QSizeF(280, 200));
    QCOMPARE(at.value(u"c"_s).x(), 560.0);
    QVERIFY(at.value(u"side"_s).y() < at.value(u"a"_s).y()); // the order people gave them, top to bottom
    QCOMPARE(at.value(u"b"_s).y(), 100.0);                    // a lone node is centred on the tallest layer
}

QTEST_GUILESS_MAIN(TestPipelineEditing)
#include "TestPipelineEditing.moc"
