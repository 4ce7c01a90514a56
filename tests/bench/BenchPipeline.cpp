// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline engine's own cost, recorded in a real history database on disk:
//  1. per node, with a zero-delay offline model: a chain of model steps (echo at no measurable pace), the wall time
//     per node and the part of it spent outside the model calls (scheduling, templating, the question and answer
//     written, each node's record stored as it finishes);
//  2. a graph of 1,000 trivial nodes (templates in a chain with fan-out): the time to validate it and to run it.
// Targets: under 1 ms of engine overhead per node, under 1 s for the 1,000-node graph. Prints figures; asserts
// correctness only (every node done, the last output as expected).
#include "answer/AnswerEngine.h"
#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "offline/OfflineNetwork.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineValidator.h"
#include "storage/HistoryService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace juxta;
using namespace Qt::StringLiterals;

class BenchPipeline : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void overheadPerModelNode();
    void thousandTrivialNodes();

private:
    RunRecord run(const Pipeline& p, double& wallMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    AppConfig m_config;
    std::unique_ptr<InsecureFileSecretStore> m_secrets;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<OfflineNetworkAccessManager> m_network;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<AnswerEngine> m_engine;
};

void BenchPipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ProviderProfile zero;
    zero.id = u"zero"_s;
    zero.presetId = u"echo"_s;
    zero.auth = AuthStyle::None;
    zero.baseUrl = QUrl(u"juxta-offline://echo/v1?ttft_ms=0&tokens_per_second=100000"_s);
    m_config.profiles = {zero};
    m_secrets = std::make_unique<InsecureFileSecretStore>(m_dir->filePath(u"keys.json"_s));
    m_catalog = std::make_unique<ModelCatalog>(m_config);
    m_network = std::make_unique<OfflineNetworkAccessManager>();
    m_history = std::make_unique<HistoryService>(m_dir->filePath(u"history.sqlite"_s));
    m_engine = std::make_unique<AnswerEngine>(m_config, *m_secrets, *m_catalog, *m_network, m_history.get());
    m_engine->setRecordsSpending(false);
}

void BenchPipeline::cleanup()
{
    m_engine.reset();
    m_history.reset();
    m_network.reset();
    m_catalog.reset();
    m_secrets.reset();
    m_dir.reset();
}

RunRecord BenchPipeline::run(const Pipeline& p, double& wallMs)
{
    PipelineRunner runner(*m_engine, p, {});
    QSignalSpy finished(&runner, &PipelineRunner::finished);
    QElapsedTimer timer;
    timer.start();
    runner.start();
    if (!runner.isFinished())
        finished.wait(120'000);
    wallMs = double(timer.nsecsElapsed()) / 1e6;
    m_history->flush(); // every record written: part of the cost
    return runner.record();
}

void BenchPipeline::overheadPerModelNode()
{
    constexpr int kNodes = 200;
    Pipeline p;
    Node first;
    first.name = u"n0"_s;
    first.kind = NodeKind::Input;
    first.source = InputSource::Text;
    first.text = u"ping"_s;
    p.nodes.append(first);
    for (int i = 1; i <= kNodes; ++i) {
        Node step;
        step.name = u"n%1"_s.arg(i);
        step.kind = NodeKind::Model;
        step.model = u"zero/echo"_s;
        step.prompt = u"{{n%1}}"_s.arg(i - 1);
        p.nodes.append(step);
        p.edges.append({u"n%1"_s.arg(i - 1), step.name, {}, {}});
    }
    double wallMs = 0;
    const RunRecord r = run(p, wallMs);
    QCOMPARE(r.state, u"done"_s);
    QCOMPARE(r.node(u"n%1"_s.arg(kNodes))->output.text, u"ping"_s);
    double insideCalls = 0;
    for (const NodeRun& n : r.nodes)
        insideCalls += n.kind == u"model"_s ? n.totalMs() : 0;
    const double overhead = (wallMs - insideCalls) / kNodes;
    std::printf("pipeline: %d model nodes in a chain, zero-delay offline model: %.2f ms per node in all, %.3f ms per "
                "node outside the model calls (engine overhead; target < 1 ms)\n",
                kNodes, wallMs / kNodes, overhead);
}

void BenchPipeline::thousandTrivialNodes()
{
    constexpr int kNodes = 1000;
    Pipeline p;
    Node first;
    first.name = u"t0"_s;
    first.kind = NodeKind::Input;
    first.source = InputSource::Text;
    first.text = u"x"_s;
    p.nodes.append(first);
    for (int i = 1; i < kNodes; ++i) {
        // A chain with fan-out: each node reads the one before and, every tenth, waits for one ten back too.
        Node t;
        t.name = u"t%1"_s.arg(i);
        t.kind = NodeKind::Template;
        t.text = u"{{t%1}}"_s.arg(i - 1);
        p.nodes.append(t);
        p.edges.append({u"t%1"_s.arg(i - 1), t.name, {}, {}});
        if (i % 10 == 0)
            p.edges.append({u"t%1"_s.arg(i - 10), t.name, {}, {}});
    }
    QElapsedTimer timer;
    timer.start();
    const QList<PipelineProblem> problems = validatePipeline(p, {});
    const double validateMs = double(timer.nsecsElapsed()) / 1e6;
    QVERIFY(problems.isEmpty());
    double runMs = 0;
    const RunRecord r = run(p, runMs);
    QCOMPARE(r.state, u"done"_s);
    int done = 0;
    for (const NodeRun& n : r.nodes)
        done += n.state == NodeState::Done;
    QCOMPARE(done, kNodes);
    std::printf("pipeline: %d trivial nodes: validated in %.1f ms, run (records stored) in %.1f ms, %.3f ms per node; "
                "validate + run %.1f ms (target < 1000 ms)\n",
                kNodes, validateMs, runMs, runMs / kNodes, validateMs + runMs);
}

QTEST_GUILESS_MAIN(BenchPipeline)
#include "BenchPipeline.moc"
