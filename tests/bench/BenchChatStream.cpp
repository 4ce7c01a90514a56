// SPDX-License-Identifier: GPL-3.0-or-later
// A 100,000-token answer streamed into the chat view.
//  1. The view alone, frame by frame as FrameTicker drives it: append a frame's tokens, lay out, paint. Prints the
//     cost per appended token over the first and the last 10 % of the answer (the ratio must stay near 1: no work
//     that grows with the answer), the slowest frame, and the final Markdown layout.
//  2. The whole chat window against the fake server over 127.0.0.1, 16 KiB every 2 ms (~8 MB/s, tens of thousands of
//     tokens per second: far above any model, and under the unread-backlog limit a flooding server meets — at
//     loopback speed the whole 16 MiB body would be waiting at once): a 1 ms probe timer measures how long the UI
//     thread was ever unavailable (worst stall, 99th percentile), including the final render.
// It asserts correctness only; the figures are for people (see the README's benchmark section).
#include "BenchFigures.h"
#include "FakeProviderServer.h"
#include "StreamScripts.h"
#include "catalog/ModelPicker.h"
#include "chat/ChatPage.h"
#include "chat/Composer.h"
#include "chat/TranscriptView.h"
#include "config/ConfigStore.h"
#include "shell/MainWindow.h"
#include "storage/HistoryService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <numeric>
#include <cstdio>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTokens = 100'000;
constexpr int kTokensPerFrame = 40; // ~1,200 tokens/s at 30 frames/s: faster than any hosted model streams

// Measures the longest time the event loop could not run a 1 ms timer.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double gap = m_clock.nsecsElapsed() / 1e6;
            m_clock.restart();
            m_gaps.append(gap);
            m_elapsed += gap;
            if (gap > m_worst) {
                m_worst = gap;
                m_worstAt = m_elapsed;
            }
        });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worst() const { return m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.cbegin(), m_gaps.cend()); }
    double p99() const { return percentile(m_gaps, 0.99); }
    double worstAtMs() const { return m_worstAt; }

private:
    double m_elapsed = 0;
    double m_worst = 0;
    double m_worstAt = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_gaps;
};

} // namespace

class BenchChatStream : public QObject
{
    Q_OBJECT

private slots:
    void viewAppendCost();
    void longConversation();
    void wholeWindowStall();
};

void BenchChatStream::viewAppendCost()
{
    const QStringList tokens = proseTokens(kTokens);
    TranscriptView view;
    view.resize(900, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    MessageRecord question;
    question.id = u"q"_s;
    question.content = u"Write at length."_s;
    MessageRecord answer;
    answer.id = u"a"_s;
    answer.parentId = u"q"_s;
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Streaming;
    view.setMessages({question, answer}, {{}, {}});
    const long rssBefore = residentKb();

    QList<double> perTokenUs;
    double slowestFrameMs = 0;
    QElapsedTimer frame;
    for (int i = 0; i < kTokens; i += kTokensPerFrame) {
        QString batch;
        for (int j = i; j < qMin(kTokens, i + kTokensPerFrame); ++j)
            batch += tokens.at(j);
        frame.start();
        view.appendText(1, batch);
        QCoreApplication::sendPostedEvents(); // deferred layout requests, as the event loop would run them
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // rows scrolled out of view
        view.viewport()->repaint();           // paint now, synchronously, so it is inside the measurement
        const double ns = double(frame.nsecsElapsed());
        perTokenUs.append(ns / 1e3 / kTokensPerFrame);
        slowestFrameMs = qMax(slowestFrameMs, ns / 1e6);
    }
    const qsizetype tenth = perTokenUs.size() / 10;
    auto mean = [](const QList<double>& v) { return std::accumulate(v.cbegin(), v.cend(), 0.0) / double(v.size()); };
    const double first = mean(perTokenUs.mid(0, tenth));
    const double last = mean(perTokenUs.mid(perTokenUs.size() - tenth));
    QCOMPARE(view.message(1).content.size(), tokens.join(QString()).size());
    QVERIFY(view.isFollowingBottom());

    // The answer ends: its Markdown is laid out once.
    MessageRecord done = view.message(1);
    done.state = MessageState::Complete;
    frame.start();
    view.replaceMessage(1, done, {});
    view.viewport()->repaint();
    const double finalRenderMs = frame.nsecsElapsed() / 1e6;

    std::printf("chat view, %d tokens (%lld characters) in frames of %d tokens:\n", kTokens,
                qlonglong(view.message(1).content.size()), kTokensPerFrame);
    std::printf("  time per appended token, first 10 %%: %8.2f us\n", first);
    std::printf("  time per appended token, last 10 %%:  %8.2f us\n", last);
    std::printf("  ratio last/first:                    %8.2f   (target: within 2x)\n", last / first);
    std::printf("  per decile (us/token):              ");
    for (int d = 0; d < 10; ++d)
        std::printf(" %.0f", mean(perTokenUs.mid(d * tenth, tenth)));
    std::printf("\n");
    std::printf("  slowest frame while streaming:       %8.2f ms\n", slowestFrameMs);
    std::printf("  final Markdown layout:               %8.2f ms\n", finalRenderMs);
    std::printf("  resident memory growth:              %8.1f MB\n", double(residentKb() - rssBefore) / 1024.0);
    std::fflush(stdout);
}

void BenchChatStream::longConversation()
{
    // 2,000 messages, 500,000 tokens: opened, then scrolled through a page at a time.
    const QStringList tokens = proseTokens(250);
    QString body;
    for (int i = 0; i < 200; ++i)
        body += tokens.at(i);
    body += u"\n\n```cpp\nint main() { return 0; }\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"_s;
    for (int i = 200; i < 250; ++i)
        body += tokens.at(i);
    QList<MessageRecord> messages;
    for (int i = 0; i < 2000; ++i) {
        MessageRecord m;
        m.id = QString::number(i);
        m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
        m.content = body;
        m.stats.outputTokens = 250;
        m.stats.costUsd = 0.001;
        messages.append(m);
    }
    TranscriptView view;
    view.resize(900, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const long rssBefore = residentKb();
    QElapsedTimer timer;
    timer.start();
    view.setMessages(messages, {});
    view.viewport()->repaint();
    const double openMs = timer.nsecsElapsed() / 1e6;
    QCOMPARE(view.count(), 2000);
    const int built = view.materializedCount();

    QList<double> frames;
    QScrollBar* bar = view.verticalScrollBar();
    bar->triggerAction(QAbstractSlider::SliderToMinimum); // as a person would: the bar, not a setter
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(bar->value() == 0);
    while (bar->value() < bar->maximum()) {
        timer.start();
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        view.viewport()->repaint();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        frames.append(timer.nsecsElapsed() / 1e6);
    }
    // A mouse wheel: three lines per notch, from the bottom up through the first 400 notches.
    QList<double> wheel;
    for (int notch = 0; notch < 400 && bar->value() > 0; ++notch) {
        timer.start();
        for (int line = 0; line < 3; ++line)
            bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
        view.viewport()->repaint();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        wheel.append(timer.nsecsElapsed() / 1e6);
    }
    std::printf("long conversation, 2,000 messages / 500,000 tokens:\n");
    std::printf("  opened and painted at the bottom in: %8.2f ms (%d message parts built)\n", openMs, built);
    std::printf("  scrolling a page at a time, %lld frames: median %.2f ms, 99th percentile %.2f ms, worst %.2f ms\n",
                qlonglong(frames.size()), percentile(frames, 0.5), percentile(frames, 0.99),
                *std::max_element(frames.cbegin(), frames.cend()));
    std::printf("  scrolling by wheel notches, %lld frames: median %.2f ms, 99th percentile %.2f ms, worst %.2f ms\n",
                qlonglong(wheel.size()), percentile(wheel, 0.5), percentile(wheel, 0.99),
                *std::max_element(wheel.cbegin(), wheel.cend()));
    std::printf("  widgets alive after scrolling:       %8d\n", view.materializedCount());
    std::printf("  resident memory growth:              %8.1f MB\n", double(residentKb() - rssBefore) / 1024.0);
    std::fflush(stdout);
}

void BenchChatStream::wholeWindowStall()
{
    // The fake server runs on its own thread, as a real server is another process: its writing must not count as
    // the window's stall.
    StreamScript script;
    script.pieces = proseTokens(kTokens);
    ScriptedResponse response = openAiStream(script);
    // One body, re-split as the network delivers it: 16 KiB reads, one every 2 ms.
    QByteArray body;
    for (const ScriptedWrite& w : std::as_const(response.writes))
        body += w.bytes;
    response.writes = {{body, 0}};
    response.splitEvery(16 * 1024).delayEach(2);
    QThread serverThread;
    serverThread.start();
    auto* server = new FakeProviderServer;
    server->enqueue(response);
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
        config.recentModels = {u"bench/fast"_s};
    }));

    {
        MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.chatPage(), &ChatPage::answerFinished);
        StallProbe probe;
        QElapsedTimer total;
        total.start();
        probe.start();
        window.chatPage()->send(u"Write at length."_s);
        QVERIFY(finished.wait(300'000));
        const double streamSeconds = total.nsecsElapsed() / 1e9;
        QTest::qWait(300); // the final layout and paint
        probe.stop();
        const MessageRecord answer = finished.constFirst().constFirst().value<MessageRecord>();
        QCOMPARE(answer.state, MessageState::Complete);
        QCOMPARE(answer.content, script.pieces.join(QString()));
        window.history().flush();

        std::printf("whole window, %d tokens over loopback HTTP, %.1f MB in 16 KiB writes every 2 ms:\n", kTokens,
                    body.size() / 1e6);
        std::printf("  streamed in:                         %8.2f s (%.0f tokens/s)\n", streamSeconds,
                    kTokens / streamSeconds);
        std::printf("  worst UI-thread stall:               %8.2f ms (ending %.2f s after sending)\n", probe.worst(),
                    probe.worstAtMs() / 1000.0);
        std::printf("  99th percentile event-loop gap:      %8.2f ms\n", probe.p99());
        std::fflush(stdout);
    }
    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}

QTEST_MAIN(BenchChatStream)
#include "BenchChatStream.moc"
