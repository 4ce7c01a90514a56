// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline editor's speed, as the issue sets its targets:
//  1. a generated pipeline of 1,000 nodes and 1,500 edges: the time to build the scene from the document (target
//     ≤ 500 ms), and the whole open (read the file, build, validate, estimate, fit);
//  2. 200 scripted frames of panning and zooming, fit-to-view with every node visible among them, rendered with
//     QGraphicsView::render into a 1920×1080 image: p50 / p99 time per frame (target p99 ≤ 16 ms);
//  3. eight model nodes streaming at once at 300 tokens/s each into the Pipeline view (the fake server on its own
//     thread, over loopback HTTP): the worst UI-thread stall (target ≤ 50 ms), from a 1 ms probe timer.
// Prints figures; asserts correctness only. JUXTA_BENCH_SECONDS shortens part 3.
#include "BenchFigures.h"
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "config/ConfigStore.h"
#include "pipeline/PipelineDocument.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelinePage.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/PipelineView.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

// 50 layers of 20 nodes; each node after the first layer is fed by one node of the layer before, and half of them
// by a second: 1,000 nodes, 1,500 edges. Every fifth node is a model step, the rest templates.
Pipeline bigPipeline()
{
    Pipeline p;
    p.name = u"Big"_s;
    constexpr int layers = 50, perLayer = 20;
    const auto name = [](int layer, int row) { return u"n_%1_%2"_s.arg(layer).arg(row); };
    for (int l = 0; l < layers; ++l) {
        for (int r = 0; r < perLayer; ++r) {
            Node n;
            n.name = name(l, r);
            n.kind = (l * perLayer + r) % 5 == 0 && l > 0 ? NodeKind::Model : NodeKind::Template;
            if (n.kind == NodeKind::Model) {
                n.model = u"offline/echo"_s;
                n.prompt = u"{{%1}}"_s.arg(name(l - 1, r));
            } else {
                n.text = l == 0 ? u"start %1"_s.arg(r) : u"{{%1}}"_s.arg(name(l - 1, r));
            }
            p.nodes.append(n);
            p.positions.insert(n.name, QPointF(l * 280, r * 200));
        }
    }
    int edges = 0;
    for (int l = 1; l < layers; ++l) {
        for (int r = 0; r < perLayer; ++r) {
            p.edges.append({name(l - 1, r), name(l, r), {}, {}});
            ++edges;
        }
    }
    for (int l = 1; l < layers && edges < 1500; ++l) {
        for (int r = 0; r < perLayer && edges < 1500; ++r) {
            p.edges.append({name(l - 1, (r + 1) % perLayer), name(l, r), {}, {}});
            ++edges;
        }
    }
    return p;
}

} // namespace

class BenchPipelineEditor : public QObject
{
    Q_OBJECT

private slots:
    void bigGraphOpensAndRenders();
    void eightModelNodesStreaming();
};

void BenchPipelineEditor::bigGraphOpensAndRenders()
{
    const Pipeline big = bigPipeline();
    QCOMPARE(big.nodes.size(), 1000);
    QCOMPARE(big.edges.size(), 1500);

    // 1a. The scene alone, from a document reset (median of 5).
    QList<double> builds;
    for (int i = 0; i < 5; ++i) {
        PipelineDocument document;
        PipelineScene scene(document);
        QElapsedTimer t;
        t.start();
        document.reset(big);
        builds.append(double(t.nsecsElapsed()) / 1e6);
        QCOMPARE(scene.nodeItems().size(), 1000);
    }

    // 1b. Opening the file in the window: read, build, validate, estimate, fit.
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(u"big.juxta"_s);
    QVERIFY(savePipelineFile(big, path, error));
    {
        ConfigStore store(dir.filePath(u"config.json"_s));
        store.load();
    }
    MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPipeline();
    PipelinePage* page = window.pipelinePage();
    QElapsedTimer open;
    open.start();
    QVERIFY(page->openFile(path));
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    QCOMPARE(page->scene()->nodeItems().size(), 1000);

    // 2. Frames: a 1920×1080 view of the scene, panned and zoomed by a script, rendered into an image.
    PipelineView view(page->scene());
    view.resize(1920, 1080);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    QImage frame(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const QRectF all = page->scene()->itemsRect();
    QList<double> frames, fitFrames, zoomFrames, panFrames;
    for (int step = 0; step < 200; ++step) {
        if (step % 50 == 0) { // fit to view: every node on screen at once, the worst case for detail culling
            view.fitAll(all);
        } else if (step % 50 < 25) {
            view.resetTransform();
            const double zoom = 0.3 + 0.9 * (step % 25) / 24.0; // zooming in from far out to full detail
            view.scale(zoom, zoom);
            view.centerOn(all.center() + QPointF(std::sin(step / 7.0) * 3000, std::cos(step / 9.0) * 1500));
        } else {
            view.resetTransform();
            view.centerOn(QPointF(step * 120.0, 2000 + 800 * std::sin(step / 5.0))); // panning at 1:1
        }
        QElapsedTimer t;
        t.start();
        QPainter painter(&frame);
        view.render(&painter, QRectF(frame.rect()), view.viewport()->rect());
        painter.end();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        frames.append(ms);
        (step % 50 == 0 ? fitFrames : step % 50 < 25 ? zoomFrames : panFrames).append(ms);
    }
    page->editor().markSaved();

    std::printf("pipeline editor, generated pipeline of 1,000 nodes and 1,500 edges:\n");
    std::printf("  scene built from the document:       %8.1f ms (median of 5; target ≤ 500 ms)\n",
                percentile(builds, 0.5));
    std::printf("  open in the window (read, build, validate, estimate, fit): %.1f ms\n", openMs);
    std::printf("  frames rendered at 1920×1080 (200 scripted pan/zoom/fit steps):\n");
    std::printf("    p50 / p99 / max:                   %8.2f / %.2f / %.2f ms (target p99 ≤ 16 ms)\n",
                percentile(frames, 0.5), percentile(frames, 0.99), percentile(frames, 1.0));
    QList<int> order;
    for (int i = 0; i < frames.size(); ++i)
        order.append(i);
    std::sort(order.begin(), order.end(), [&frames](int a, int b) { return frames.at(a) > frames.at(b); });
    std::printf("    slowest frames (step: ms):         ");
    for (int i = 0; i < 5; ++i)
        std::printf(" %d: %.1f", order.at(i), frames.at(order.at(i)));
    std::printf("\n");
    std::printf("    fit to view (every node) p50 / max: %8.2f / %.2f ms\n", percentile(fitFrames, 0.5),
                percentile(fitFrames, 1.0));
    std::printf("    zooming (0.3× to 1.2×) p50 / p99:   %8.2f / %.2f ms\n", percentile(zoomFrames, 0.5),
                percentile(zoomFrames, 0.99));
    std::printf("    panning at 1:1 p50 / p99:           %8.2f / %.2f ms\n", percentile(panFrames, 0.5),
                percentile(panFrames, 0.99));
    std::fflush(stdout);
}

void BenchPipelineEditor::eightModelNodesStreaming()
{
    constexpr int kModels = 8, kTokensPerSecond = 300, kTokensPerEvent = 3;
    const int seconds = qEnvironmentVariableIsSet("JUXTA_BENCH_SECONDS") ? qEnvironmentVariableIntValue("JUXTA_BENCH_SECONDS")
                                                                         : 15;
    const QStringList prose = proseTokens(kTokensPerSecond * seconds);
    QStringList pieces;
    for (qsizetype i = 0; i < prose.size(); i += kTokensPerEvent)
        pieces.append(prose.mid(i, kTokensPerEvent).join(QString()));

    // Two servers, four models each: Qt opens at most six connections to one host and port, and all eight stream
    // at once here. They run on their own thread, as real servers are other processes.
    QThread serverThread;
    serverThread.start();
    QList<FakeProviderServer*> servers;
    QList<QUrl> baseUrls;
    for (int s = 0; s < 2; ++s) {
        auto* server = new FakeProviderServer;
        server->setResponder([pieces](const RecordedRequest& request) {
            StreamScript script;
            script.model = request.json().value(u"model"_s).toString();
            script.pieces = pieces;
            script.delayMs = 1000 * kTokensPerEvent / kTokensPerSecond;
            return openAiStream(script);
        });
        server->moveToThread(&serverThread);
        QUrl baseUrl;
        QMetaObject::invokeMethod(server, [server, &baseUrl] {
            if (server->listen())
                baseUrl = server->baseUrl();
        }, Qt::BlockingQueuedConnection);
        QVERIFY(baseUrl.isValid());
        servers.append(server);
        baseUrls.append(baseUrl);
    }

    QTemporaryDir dir;
    ConfigStore store(dir.filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([&baseUrls](AppConfig& config) {
        config.profiles.clear();
        for (int s = 0; s < baseUrls.size(); ++s) {
            ProviderProfile p;
            p.id = u"bench%1"_s.arg(s + 1);
            p.presetId = u"custom"_s;
            p.baseUrl = baseUrls.at(s);
            p.auth = AuthStyle::None;
            config.profiles.append(p);
        }
    }));
    Pipeline p;
    p.name = u"Eight at once"_s;
    Node question;
    question.name = u"question"_s;
    question.kind = NodeKind::Template;
    question.text = u"Write at length."_s;
    p.nodes.append(question);
    for (int i = 0; i < kModels; ++i) {
        Node m;
        m.name = u"model_%1"_s.arg(i + 1);
        m.kind = NodeKind::Model;
        m.model = u"bench%1/model-%2"_s.arg(i % 2 + 1).arg(i + 1);
        m.prompt = u"{{question}}"_s;
        p.nodes.append(m);
        p.positions.insert(m.name, QPointF(300 + (i % 4) * 260, (i / 4) * 180));
        p.edges.append({question.name, m.name, {}, {}});
    }

    {
        MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPipeline();
        PipelinePage* page = window.pipelinePage();
        page->editor().reset(p);
        page->view()->fitAll(page->scene()->itemsRect());
        QTest::qWait(200);

        QList<double> gaps;
        double worst = 0;
        QElapsedTimer gapClock;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        connect(&probe, &QTimer::timeout, this, [&] {
            const double gap = double(gapClock.nsecsElapsed()) / 1e6;
            gapClock.restart();
            gaps.append(gap);
            worst = std::max(worst, gap);
        });
        const long rssBefore = residentKb();
        QSignalSpy finished(page, &PipelinePage::runFinished);
        QElapsedTimer total;
        total.start();
        gapClock.start();
        probe.start();
        page->run(QHash<QString, QString>());
        QVERIFY(finished.wait((seconds + 120) * 1000));
        const double streamSeconds = double(total.nsecsElapsed()) / 1e9;
        QTest::qWait(200);
        probe.stop();
        const long rssAfter = residentKb();
        QCOMPARE(page->lastRecord().state, u"done"_s);
        for (int i = 0; i < kModels; ++i)
            QCOMPARE(page->lastRecord().node(u"model_%1"_s.arg(i + 1))->output.text, prose.join(QString()));

        std::printf("pipeline view, %d model nodes × %d tokens/s × %d s over loopback HTTP:\n", kModels,
                    kTokensPerSecond, seconds);
        std::printf("  run finished in:                     %8.2f s\n", streamSeconds);
        std::printf("  worst UI-thread stall:               %8.2f ms (target ≤ 50 ms)\n", worst);
        std::printf("  event-loop gap p50 / p95 / p99:      %8.2f / %.2f / %.2f ms\n", percentile(gaps, 0.5),
                    percentile(gaps, 0.95), percentile(gaps, 0.99));
        std::printf("  resident memory growth:              %8.1f MB\n", double(rssAfter - rssBefore) / 1024.0);
        std::fflush(stdout);
        page->editor().markSaved();
    }
    for (FakeProviderServer* server : std::as_const(servers))
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}

QTEST_MAIN(BenchPipelineEditor)
#include "BenchPipelineEditor.moc"
