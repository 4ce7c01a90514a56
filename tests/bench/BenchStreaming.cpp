// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming throughput: a 200,000-chunk OpenAI-style stream through the SSE parser alone, through the full
// decoder (JSON → events → transcript), and end to end through `juxta ask --json` over loopback HTTP.
// Prints figures (MB/s, chunks/s, and the last-10 % / first-10 % cost ratio that exposes quadratic work);
// it asserts correctness, never speed.
#include "FakeProviderServer.h"
#include "providers/OpenAiCompatibleProvider.h"
#include "streaming/SseParser.h"
#include "streaming/Transcript.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace juxta;
using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kChunks = 200'000;
constexpr qsizetype kReadSize = 16 * 1024; // a typical network read

struct Stream
{
    QByteArray body;
    qsizetype textChars = 0;
};

// Real OpenAI chunks carry id, model, fingerprint and a short delta: about 220 bytes each.
Stream makeStream()
{
    static const char* const words[] = {"the", " model", " streams", " tokens", ",", " fast", " é", " 世界", " 👋", "\\n"};
    Stream s;
    s.body.reserve(qsizetype(kChunks) * 240);
    for (int i = 0; i < kChunks; ++i) {
        const QByteArray word(words[i % 10]);
        s.body += R"(data: {"id":"chatcmpl-Bench0123456789","object":"chat.completion.chunk","created":1764000000,)"
                  R"("model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_0ba0d124f1","choices":[{"index":0,)"
                  R"("delta":{"content":")" + word + R"("},"logprobs":null,"finish_reason":null}]})" "\n\n";
        s.textChars += QString::fromUtf8(QByteArray(word).replace("\\n", "\n")).size();
    }
    s.body += R"(data: {"id":"chatcmpl-Bench0123456789","object":"chat.completion.chunk","created":1764000000,)"
              R"("model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})" "\n\n";
    s.body += "data: [DONE]\n\n";
    return s;
}

void report(const char* what, qsizetype bytes, double seconds)
{
    std::printf("%-34s %8.1f MB/s %11.0f chunks/s  (%.3f s for %.1f MB)\n", what, double(bytes) / 1e6 / seconds,
                kChunks / seconds, seconds, double(bytes) / 1e6);
    std::fflush(stdout);
}

} // namespace

class BenchStreaming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_stream = makeStream(); }
    void parserAlone();
    void decoderAndTranscript();
    void askEndToEnd();

private:
    Stream m_stream;
};

void BenchStreaming::parserAlone()
{
    double best = 1e9;
    qsizetype events = 0;
    for (int round = 0; round < 3; ++round) {
        SseParser parser;
        QList<SseEvent> out;
        events = 0;
        QElapsedTimer t;
        t.start();
        for (qsizetype i = 0; i < m_stream.body.size(); i += kReadSize) {
            out.clear(); // a consumer takes the events after every read
            parser.feed(QByteArrayView(m_stream.body).sliced(i, std::min(kReadSize, m_stream.body.size() - i)), out);
            events += out.size();
        }
        best = std::min(best, t.nsecsElapsed() / 1e9);
    }
    QCOMPARE(events, qsizetype(kChunks + 2));
    report("SSE parser alone (best of 3)", m_stream.body.size(), best);
}

void BenchStreaming::decoderAndTranscript()
{
    const OpenAiCompatibleProvider provider;
    auto decoder = provider.createDecoder();
    Transcript transcript;
    QList<StreamEvent> events;
    const qsizetype reads = (m_stream.body.size() + kReadSize - 1) / kReadSize;
    const qsizetype tenth = reads / 10;
    qint64 firstTenthNs = 0, lastTenthNs = 0;
    QElapsedTimer total;
    total.start();
    for (qsizetype r = 0; r < reads; ++r) {
        QElapsedTimer t;
        t.start();
        events.clear();
        const qsizetype at = r * kReadSize;
        decoder->feed(QByteArrayView(m_stream.body).sliced(at, std::min(kReadSize, m_stream.body.size() - at)), events);
        for (const StreamEvent& e : std::as_const(events))
            transcript.apply(e);
        const qint64 ns = t.nsecsElapsed();
        if (r < tenth)
            firstTenthNs += ns;
        else if (r >= reads - tenth)
            lastTenthNs += ns;
    }
    events.clear();
    decoder->finish(events);
    const double seconds = total.nsecsElapsed() / 1e9;
    QCOMPARE(transcript.text().size(), m_stream.textChars);
    report("parser + decoder + transcript", m_stream.body.size(), seconds);
    std::printf("%-34s %8.2f  (cost of the last 10 %% of reads / the first 10 %%; ~1 means linear)\n",
                "append cost ratio", double(lastTenthNs) / double(firstTenthNs));
}

void BenchStreaming::askEndToEnd()
{
    FakeProviderServer server;
    QVERIFY(server.listen());
    ScriptedResponse response = ScriptedResponse::fromHttpText(
        "HTTP/1.1 200 OK\nContent-Type: text/event-stream; charset=utf-8\nTransfer-Encoding: chunked\n\n");
    response.writes = {{m_stream.body, 0}};
    // 64 KiB every 2 ms (≤ 32 MB/s, thousands of times any model): at loopback speed the reply would hold more than
    // the 16 MiB a flooding server may leave unread, and the call would rightly end with limit_reached.
    response.splitEvery(int(4 * kReadSize)).delayEach(2);
    server.enqueue(response);

    QProcess process;
    QElapsedTimer t;
    t.start();
    process.start(QStringLiteral(JUXTA_BINARY),
                  {u"ask"_s, u"--base-url"_s, server.baseUrl().toString(), u"--model"_s, u"bench"_s, u"--json"_s,
                   u"go"_s});
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(300'000));
    const double seconds = t.nsecsElapsed() / 1e9;
    const QByteArray out = process.readAllStandardOutput();
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    const QByteArray said = process.readAllStandardError() + QJsonDocument(o.value(u"error"_s).toObject()).toJson();
    QVERIFY2(process.exitCode() == 0, said.constData());
    QCOMPARE(o.value(u"complete"_s).toBool(), true);
    QCOMPARE(o.value(u"text"_s).toString().size(), m_stream.textChars);
    report("juxta ask --json, 64 KiB per 2 ms", m_stream.body.size(), seconds);
}

QTEST_GUILESS_MAIN(BenchStreaming)
#include "BenchStreaming.moc"
