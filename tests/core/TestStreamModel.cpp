// SPDX-License-Identifier: GPL-3.0-or-later
// The normalized event model: tool-call assembly, transcript, usage merging, metrics, and the OpenAI decoder
// producing identical events however the bytes are split.
#include "metrics/CallMetrics.h"
#include "providers/OpenAiCompatibleProvider.h"
#include "providers/Provider.h"
#include "report/FigureFormat.h"
#include "streaming/Transcript.h"

#include <QFile>
#include <QTest>

using namespace juxta;
using namespace Qt::StringLiterals;

namespace {

QString describe(const StreamEvent& event)
{
    return std::visit(
        [](const auto& e) -> QString {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, TextDelta>)
                return u"text:"_s + e.text;
            else if constexpr (std::is_same_v<T, ReasoningDelta>)
                return u"reasoning:"_s + e.text;
            else if constexpr (std::is_same_v<T, ToolCallDelta>)
                return u"tool:%1:%2:%3:%4"_s.arg(e.index).arg(e.id, e.name, e.argumentsFragment);
            else if constexpr (std::is_same_v<T, UsageReport>)
                return u"usage:%1/%2"_s.arg(e.usage.inputTokens.value_or(-1)).arg(e.usage.outputTokens.value_or(-1));
            else if constexpr (std::is_same_v<T, Finish>)
                return u"finish:"_s + finishReasonName(e.reason);
            else
                return u"failure:"_s + errorClassName(e.error.errorClass);
        },
        event);
}

QByteArray fixtureBody(const QString& name)
{
    QFile file(QStringLiteral(JUXTA_FIXTURES_DIR "/openai/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    return all.mid(all.indexOf("\n\n") + 2);
}

// Coalesces adjacent text/reasoning deltas so results compare equal however the bytes were split.
QStringList decode(const QByteArray& body, qsizetype cut)
{
    const OpenAiCompatibleProvider provider;
    auto decoder = provider.createDecoder();
    QList<StreamEvent> events;
    decoder->feed(QByteArrayView(body).first(cut), events);
    decoder->feed(QByteArrayView(body).sliced(cut), events);
    decoder->finish(events);
    QStringList out;
    for (const StreamEvent& e : events)
        out.append(describe(e));
    return out;
}

} // namespace

class TestStreamModel : public QObject
{
    Q_OBJECT

private slots:
    void toolCallsAssembleByIndex();
    void toolCallsWithRepeatedIdAndName();
    void transcriptAppendsAndSlices();
    void usageMergesFieldByField();
    void metricsFromTimestamps();
    void metricsEstimateWithoutUsage();
    void metricsClaimNoRateWithoutAWindow();
    void decoderIsSplitInvariant_data();
    void decoderIsSplitInvariant();
    void decoderExpectations();
    void everyFinishReason_data();
    void everyFinishReason();
    void anthropicToolWithoutParameters();
};

void TestStreamModel::toolCallsAssembleByIndex()
{
    ToolCallAssembler a;
    a.add({1, u"call_b"_s, u"second"_s, {}});
    a.add({0, u"call_a"_s, u"first"_s, u"{\"x\""_s});
    a.add({0, {}, {}, u":1}"_s});
    a.add({1, {}, {}, u"{}"_s});
    QCOMPARE(a.calls().size(), 2);
    QCOMPARE(a.calls()[0].id, u"call_a"_s);
    QCOMPARE(a.calls()[0].arguments, u"{\"x\":1}"_s);
    QCOMPARE(a.calls()[1].name, u"second"_s);
    QCOMPARE(a.calls()[1].arguments, u"{}"_s);
}

void TestStreamModel::toolCallsWithRepeatedIdAndName()
{
    ToolCallAssembler a;
    a.add({0, u"c1"_s, u"f"_s, u"{\"a\":"_s});
    a.add({0, u"c1"_s, u"f"_s, u"2}"_s}); // some servers repeat id and name on every fragment
    QCOMPARE(a.calls().size(), 1);
    QCOMPARE(a.calls()[0].name, u"f"_s);
    QCOMPARE(a.calls()[0].arguments, u"{\"a\":2}"_s);
}

void TestStreamModel::transcriptAppendsAndSlices()
{
    Transcript t;
    t.apply(TextDelta{u"Hello"_s});
    const qsizetype seen = t.length();
    t.apply(ReasoningDelta{u"hmm"_s});
    t.apply(TextDelta{u", world"_s});
    QCOMPARE(t.text(), u"Hello, world"_s);
    QCOMPARE(t.reasoning(), u"hmm"_s);
    QCOMPARE(t.textFrom(seen).toString(), u", world"_s);
    QCOMPARE(t.textFrom(999).toString(), QString());
    QVERIFY(t.hasOutput());
}

void TestStreamModel::usageMergesFieldByField()
{
    Usage u;
    u.mergeFrom(Usage{100, 20, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    u.mergeFrom(Usage{std::nullopt, std::nullopt, 50, 10, 7, 0.25});
    QCOMPARE(u.inputTokens.value_or(-1), 100);
    QCOMPARE(u.cachedInputTokens.value_or(-1), 20);
    QCOMPARE(u.outputTokens.value_or(-1), 50);
    QCOMPARE(u.billedCostUsd.value_or(-1), 0.25);
    QCOMPARE(u.reasoningTokens.value_or(-1), 10);
    QVERIFY(Usage{}.isEmpty());
}

void TestStreamModel::metricsFromTimestamps()
{
    CallTimer timer;
    timer.start(1'000'000'000);
    timer.markDelta(1'250'000'000); // first token after 250 ms
    timer.markDelta(2'250'000'000); // last token 1 s later
    timer.stop(2'300'000'000);
    const CallMetrics m = timer.metrics(100, 400);
    QCOMPARE(*m.ttftMs, 250.0);
    QCOMPARE(*m.totalMs, 1300.0);
    QCOMPARE(*m.outputTokensPerSecond, 100.0);
    QVERIFY(!m.outputTokensEstimated);
}

void TestStreamModel::metricsEstimateWithoutUsage()
{
    CallTimer timer;
    timer.start(0);
    timer.markDelta(100'000'000);
    timer.markDelta(600'000'000);
    timer.stop(700'000'000);
    const CallMetrics m = timer.metrics(std::nullopt, 200); // ~50 tokens over 0.5 s
    QCOMPARE(*m.outputTokensPerSecond, 100.0);
    QVERIFY(m.outputTokensEstimated);
    CallTimer toolsOnly; // an answer that is only a tool call still has a first-output time
    toolsOnly.start(0);
    toolsOnly.markDelta(30'000'000, false);
    toolsOnly.stop(40'000'000);
    QCOMPARE(*toolsOnly.metrics(5, 0).ttftMs, 30.0);
    CallTimer mixed; // a tool-call fragment before the first text does not count as the first token
    mixed.start(0);
    mixed.markDelta(10'000'000, false);
    mixed.markDelta(50'000'000, true);
    mixed.stop(60'000'000);
    QCOMPARE(*mixed.metrics(5, 4).ttftMs, 50.0);
    CallTimer none;
    none.start(0);
    none.stop(5);
    QVERIFY(!none.metrics(std::nullopt, 0).ttftMs);
}

void TestStreamModel::metricsClaimNoRateWithoutAWindow()
{
    CallTimer quick; // a 3 ms answer in two reads: once reported as 7,440,476 tok/s
    quick.start(0);
    quick.markDelta(1'000'000);
    quick.markDelta(4'000'000);
    quick.stop(5'000'000);
    QVERIFY(!quick.metrics(22'321, 0).outputTokensPerSecond);
    CallTimer oneRead; // many deltas of one read share a time: one read, however long the answer took
    oneRead.start(0);
    for (int i = 0; i < 10; ++i)
        oneRead.markDelta(300'000'000);
    oneRead.stop(900'000'000);
    QVERIFY(!oneRead.metrics(100, 0).outputTokensPerSecond);
    CallTimer window; // exactly the window, in two reads: a rate
    window.start(0);
    window.markDelta(50'000'000);
    window.markDelta(150'000'000);
    window.stop(160'000'000);
    QCOMPARE(*window.metrics(10, 0).outputTokensPerSecond, 100.0);

    AnswerStats stored; // a record written before the rule: its rate is not repeated
    stored.ttftMs = 1;
    stored.totalMs = 4;
    stored.tokensPerSecond = 7'440'476;
    QVERIFY(!honestTokensPerSecond(stored));
    QCOMPARE(formatRate(honestTokensPerSecond(stored)), u"—"_s);
    stored.totalMs = 1001;
    QCOMPARE(*honestTokensPerSecond(stored), 7'440'476.0);
}

void TestStreamModel::decoderIsSplitInvariant_data()
{
    QTest::addColumn<QString>("fixture");
    for (const char* name : {"stream_basic.http", "stream_tool_calls.http", "stream_reasoning_deepseek.http",
                             "stream_reasoning_openrouter.http", "stream_content_filter.http", "stream_no_done.http",
                             "stream_midstream_error_openrouter.http", "stream_invalid_json.http",
                             "stream_non_utf8.http", "stream_mistral_thinking.http", "stream_groq.http"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestStreamModel::decoderIsSplitInvariant()
{
    QFETCH(QString, fixture);
    const QByteArray body = fixtureBody(fixture);
    QVERIFY(!body.isEmpty());
    // Text may arrive in different-sized deltas; what must not change is the concatenated content and the
    // sequence of non-text events. Compare after joining adjacent deltas of the same kind.
    auto normalize = [](const QStringList& events) {
        QStringList out;
        for (const QString& e : events) {
            const QString kind = e.section(u':', 0, 0);
            if (!out.isEmpty() && (kind == u"text"_s || kind == u"reasoning"_s)
                && out.last().section(u':', 0, 0) == kind)
                out.last() += e.section(u':', 1);
            else
                out.append(e);
        }
        return out;
    };
    const QStringList baseline = normalize(decode(body, body.size()));
    for (qsizetype cut = 0; cut <= body.size(); ++cut) {
        if (normalize(decode(body, cut)) != baseline)
            QFAIL(qPrintable(u"decoded events differ when split at byte %1"_s.arg(cut)));
    }
}

void TestStreamModel::decoderExpectations()
{
    auto joined = [](const QByteArray& body) { return decode(body, body.size()).join(u'\n'); };
    QCOMPARE(joined(fixtureBody(u"stream_basic.http"_s)),
             u"text:Héllo\ntext:, wörld\ntext:! 👋 \ntext:世界\ntext: — done.\nfinish:stop\nusage:12/9"_s);
    QCOMPARE(joined(fixtureBody(u"stream_no_done.http"_s)),
             u"text:The first half\ntext: of an answer\nfailure:network"_s);
    QCOMPARE(joined(fixtureBody(u"stream_invalid_json.http"_s)), u"text:Before the break\nfailure:malformed"_s);
    QCOMPARE(joined(fixtureBody(u"stream_non_utf8.http"_s)), u"text:Valid text\nfailure:malformed"_s);
    QCOMPARE(joined("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: [DONE]"),
             u"text:a\nfinish:stop"_s); // a last event with no blank line is still read
    QCOMPARE(joined("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choi"),
             u"text:a\nfailure:malformed"_s); // cut inside an event
    QCOMPARE(joined(""), u"failure:malformed"_s);
    QCOMPARE(joined("data: {\"choices\":[{\"index\":1,\"delta\":{\"content\":\"other\"}},"
                    "{\"index\":0,\"delta\":{\"content\":\"mine\"},\"finish_reason\":\"length\"}]}\n\n"),
             u"text:mine\nfinish:length"_s);
    QCOMPARE(joined("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
                    "event: error\ndata: upstream request timeout\n\n"),
             u"text:a\nfailure:server"_s); // a plain-text error event is the provider's message, not garbage
    QCOMPARE(joined("data: {\"error\":{\"code\":500,\"message\":\"llama.cpp: slot unavailable\","
                    "\"type\":\"server_error\"}}\n\n"),
             u"failure:server"_s);
    QCOMPARE(joined("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"tool_calls\":[{\"id\":\"c\","
                    "\"function\":{\"name\":\"f\",\"arguments\":{\"x\":1}}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"),
             u"tool:0:c:f:{\"x\":1}\nfinish:tool_calls"_s); // no index, object arguments (some local servers)
    QCOMPARE(joined("error: {\"code\":400,\"message\":\"the request exceeds the available context size, try "
                    "increasing it\",\"type\":\"exceed_context_size_error\"}\n\ndata: [DONE]\n\n"),
             u"failure:context_length"_s); // llama.cpp's "error:" field, then [DONE]: still a failure
    QCOMPARE(joined("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: " + QByteArray(100000, '[')
                    + QByteArray(100000, ']') + "\n\n"),
             u"text:a\nfailure:malformed"_s); // hostile nesting is a clean error, not a stack overflow
}

void TestStreamModel::everyFinishReason_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("expected"); // the last event as describe() writes it
    const auto openai = [](const char* reason) -> QByteArray {
        return QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":\"")
             + reason + "\"}]}\n\ndata: [DONE]\n\n";
    };
    const auto anthropic = [](const char* reason) -> QByteArray {
        return QByteArray("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"m\","
                          "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
                          "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"")
             + reason + "\"}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    };
    const auto gemini = [](const char* reason) -> QByteArray {
        return QByteArray("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"finishReason\":\"")
             + reason + "\"}]}\n\n";
    };
    const auto ollama = [](const char* reason) -> QByteArray {
        return QByteArray("{\"message\":{\"content\":\"x\"},\"done\":true,\"done_reason\":\"") + reason + "\"}\n";
    };
    const int o = int(ApiDialect::OpenAi), a = int(ApiDialect::Anthropic), g = int(ApiDialect::Gemini),
              l = int(ApiDialect::Ollama);
    QTest::newRow("openai stop") << o << openai("stop") << u"finish:stop"_s;
    QTest::newRow("openai length") << o << openai("length") << u"finish:length"_s;
    QTest::newRow("openai tool_calls") << o << openai("tool_calls") << u"finish:tool_calls"_s;
    QTest::newRow("openai function_call") << o << openai("function_call") << u"finish:tool_calls"_s;
    QTest::newRow("openai content_filter") << o << openai("content_filter") << u"finish:content_filter"_s;
    QTest::newRow("openai error") << o << openai("error") << u"failure:server"_s;
    QTest::newRow("openai eos (llama.cpp)") << o << openai("eos") << u"finish:stop"_s;
    QTest::newRow("anthropic end_turn") << a << anthropic("end_turn") << u"finish:stop"_s;
    QTest::newRow("anthropic stop_sequence") << a << anthropic("stop_sequence") << u"finish:stop"_s;
    QTest::newRow("anthropic pause_turn") << a << anthropic("pause_turn") << u"finish:stop"_s;
    QTest::newRow("anthropic max_tokens") << a << anthropic("max_tokens") << u"finish:length"_s;
    QTest::newRow("anthropic model_context_window_exceeded") << a << anthropic("model_context_window_exceeded")
                                                             << u"finish:length"_s;
    QTest::newRow("anthropic tool_use") << a << anthropic("tool_use") << u"finish:tool_calls"_s;
    QTest::newRow("anthropic refusal") << a << anthropic("refusal") << u"finish:content_filter"_s;
    for (const char* reason : {"STOP", "OTHER", "LANGUAGE"})
        QTest::addRow("gemini %s", reason) << g << gemini(reason) << u"finish:stop"_s;
    QTest::newRow("gemini MAX_TOKENS") << g << gemini("MAX_TOKENS") << u"finish:length"_s;
    for (const char* reason : {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"})
        QTest::addRow("gemini %s", reason) << g << gemini(reason) << u"finish:content_filter"_s;
    for (const char* reason : {"IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION"})
        QTest::addRow("gemini %s", reason) << g << gemini(reason) << u"finish:content_filter"_s;
    for (const char* reason : {"MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS",
                               "MISSING_THOUGHT_SIGNATURE"})
        QTest::addRow("gemini %s", reason) << g << gemini(reason) << u"failure:server"_s;
    QTest::newRow("anthropic tool without parameters")
        << a
        << QByteArray("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                      "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}\n\n"
                      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                      "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n"
                      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        << u"finish:stop"_s; // the assembled arguments are checked in anthropicToolWithoutParameters

    QTest::newRow("ollama stop") << l << ollama("stop") << u"finish:stop"_s;
    QTest::newRow("ollama length") << l << ollama("length") << u"finish:length"_s;
    QTest::newRow("ollama unload") << l << ollama("unload") << u"finish:stop"_s;
}

void TestStreamModel::everyFinishReason()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, stream);
    QFETCH(QString, expected);
    const Provider* provider = providerFor(ApiDialect(dialect));
    QVERIFY(provider);
    // Split in two at every byte: the verdict must not depend on where the network cut the stream.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        auto decoder = provider->createDecoder();
        QList<StreamEvent> events;
        decoder->feed(QByteArrayView(stream).first(cut), events);
        decoder->feed(QByteArrayView(stream).sliced(cut), events);
        decoder->finish(events);
        QStringList kinds;
        for (const StreamEvent& e : events) {
            if (!std::holds_alternative<UsageReport>(e) && !std::holds_alternative<TextDelta>(e))
                kinds.append(describe(e));
        }
        QVERIFY2(!kinds.isEmpty() && kinds.last() == expected,
                 qPrintable(u"split at %1: %2"_s.arg(cut).arg(kinds.join(u", "_s))));
    }
}

void TestStreamModel::anthropicToolWithoutParameters()
{
    const QByteArray stream =
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n"
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}\n\n"
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    auto decoder = providerFor(ApiDialect::Anthropic)->createDecoder();
    QList<StreamEvent> events;
    decoder->feed(stream, events);
    decoder->finish(events);
    Transcript transcript;
    for (const StreamEvent& e : events)
        transcript.apply(e);
    QCOMPARE(transcript.toolCalls().size(), 1);
    QCOMPARE(transcript.toolCalls()[0].name, u"now"_s);
    QCOMPARE(transcript.toolCalls()[0].arguments, u"{}"_s); // valid JSON, not an empty string
}

QTEST_GUILESS_MAIN(TestStreamModel)
#include "TestStreamModel.moc"
