// SPDX-License-Identifier: GPL-3.0-or-later
// Eight models streaming at 300 tokens/s each for 30 s into the compare view (the whole window, over loopback
// HTTP; the fake server on its own thread, as a real server is another process). Reports:
//  - the worst UI-thread stall and the event-loop gap percentiles (a 1 ms probe timer: how long input could wait),
//  - frame times: the interval between painted frames and the work each frame costs (FrameTicker's tick and the
//    layout and paint that follow it), as percentiles,
//  - resident memory growth.
// Target: no stall over 50 ms. It asserts correctness only (every column complete, every token there); the figures
// are for people (the README's benchmark section). JUXTA_BENCH_SECONDS shortens the run for a quick look.
#include "BenchFigures.h"
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "common/FrameTicker.h"
#include "compare/CompareLane.h"
#include "compare/ComparePage.h"
#include "compare/CompareSetupBar.h"
#include "config/ConfigStore.h"
#include "shell/MainWindow.h"
#include "storage/HistoryService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

const int kModels = qEnvironmentVariableIsSet("JUXTA_BENCH_MODELS") ? qEnvironmentVariableIntValue("JUXTA_BENCH_MODELS") : 8;
constexpr int kTokensPerSecond = 300;
constexpr int kTokensPerEvent = 3; // an event every 10 ms, as fast providers batch tokens

} // namespace

class BenchCompareStream : public QObject
{
    Q_OBJECT

private slots:
    void eightModelsAtOnce();
};

void BenchCompareStream::eightModelsAtOnce()
{
    const int seconds = qEnvironmentVariableIsSet("JUXTA_BENCH_SECONDS") ? qEnvironmentVariableIntValue("JUXTA_BENCH_SECONDS")
                                                                         : 30;
    const int tokens = kTokensPerSecond * seconds;
    const QStringList prose = proseTokens(tokens);
    QStringList pieces;
    for (qsizetype i = 0; i < prose.size(); i += kTokensPerEvent)
        pieces.append(prose.mid(i, kTokensPerEvent).join(QString()));

    QThread serverThread;
    serverThread.start();
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

    QTemporaryDir dir;
    ConfigStore store(dir.filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([&baseUrl](AppConfig& config) {
        ProviderProfile p;
        p.id = u"bench"_s;
        p.presetId = u"custom"_s;
        p.baseUrl = baseUrl;
        p.auth = AuthStyle::None;
        config.profiles = {p};
    }));

    {
        MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showCompare();
        ComparePage* page = window.comparePage();
        CompareSetup setup;
        for (int i = 0; i < kModels; ++i) {
            CompareColumnSetup column;
            column.overrides.model = u"bench/model-%1"_s.arg(i + 1);
            setup.columns.append(column);
        }
        page->setupBar()->setSetup(setup);
        emit page->setupBar()->columnsChanged();
        QTest::qWait(200);

        // Frame probes: the ticker's interval, and each frame's work (the tick handlers, then the layout and paint
        // the event loop runs before a zero timer posted at the tick's start can fire).
        auto* ticker = page->findChild<FrameTicker*>();
        QVERIFY(ticker);
        QList<double> frameIntervals, frameWork;
        QElapsedTimer frameClock;
        qint64 lastTick = -1;
        connect(ticker, &FrameTicker::tick, this, [&] {
            const qint64 now = frameClock.nsecsElapsed();
            if (lastTick >= 0)
                frameIntervals.append(double(now - lastTick) / 1e6);
            lastTick = now;
            QTimer::singleShot(0, this, [&frameWork, &frameClock, now] {
                frameWork.append(double(frameClock.nsecsElapsed() - now) / 1e6);
            });
        });

        QList<double> gaps;
        double worst = 0, worstAt = 0, elapsed = 0;
        QElapsedTimer gapClock;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(1);
        connect(&probe, &QTimer::timeout, this, [&] {
            const double gap = double(gapClock.nsecsElapsed()) / 1e6;
            gapClock.restart();
            gaps.append(gap);
            elapsed += gap;
            if (gap > worst) {
                worst = gap;
                worstAt = elapsed;
            }
        });

        const long rssBefore = residentKb();
        QSignalSpy finished(page, &ComparePage::runFinished);
        QElapsedTimer total;
        total.start();
        frameClock.start();
        gapClock.start();
        probe.start();
        page->send(u"Write at length."_s);
        QVERIFY(finished.wait((seconds + 120) * 1000));
        const double streamSeconds = double(total.nsecsElapsed()) / 1e9;
        QTest::qWait(300); // the final layout and paint
        probe.stop();
        const long rssAfter = residentKb();

        const QString expected = prose.join(QString());
        for (CompareLane* lane : page->lanes()) {
            QVERIFY(lane->shownAnswer());
            QCOMPARE(lane->shownAnswer()->state, MessageState::Complete);
            QCOMPARE(lane->shownAnswer()->content.size(), expected.size());
        }
        window.history().flush();

        std::printf("compare view, %d models × %d tokens/s × %d s (%d tokens each) over loopback HTTP:\n", kModels,
                    kTokensPerSecond, seconds, tokens);
        std::printf("  all columns finished in:             %8.2f s\n", streamSeconds);
        std::printf("  worst UI-thread stall:               %8.2f ms (ending %.2f s after sending; target < 50 ms)\n",
                    worst, worstAt / 1000.0);
        std::printf("  event-loop gap p50 / p95 / p99:      %8.2f / %.2f / %.2f ms\n", percentile(gaps, 0.5),
                    percentile(gaps, 0.95), percentile(gaps, 0.99));
        std::printf("  frames painted:                      %8lld\n", static_cast<long long>(frameWork.size()));
        std::printf("  frame interval p50 / p95 / p99 / max: %7.2f / %.2f / %.2f / %.2f ms\n",
                    percentile(frameIntervals, 0.5), percentile(frameIntervals, 0.95),
                    percentile(frameIntervals, 0.99), percentile(frameIntervals, 1.0));
        std::printf("  frame work p50 / p95 / p99 / max:    %8.2f / %.2f / %.2f / %.2f ms\n", percentile(frameWork, 0.5),
                    percentile(frameWork, 0.95), percentile(frameWork, 0.99), percentile(frameWork, 1.0));
        std::printf("  resident memory growth:              %8.1f MB\n", double(rssAfter - rssBefore) / 1024.0);
        std::fflush(stdout);
    }
    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}

QTEST_MAIN(BenchCompareStream)
#include "BenchCompareStream.moc"
