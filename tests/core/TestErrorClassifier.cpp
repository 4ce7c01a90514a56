// SPDX-License-Identifier: GPL-3.0-or-later
// Classification of provider failures (status × code × message), retry-after parsing and unparsed bodies.
#include "common/Utf8.h"
#include "common/JsonAccess.h"
#include "providers/ErrorBodies.h"
#include "providers/ErrorClassifier.h"
#include "providers/OpenAiCompatibleProvider.h"
#include "providers/RetryAfter.h"

#include <QTest>

using namespace juxta;
using namespace Qt::StringLiterals;

class TestErrorClassifier : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void retryAfter_data();
    void retryAfter();
    void htmlPageGetsTitle();
    void hostileNestingIsBounded();
    void openAiErrorBodies_data();
    void openAiErrorBodies();
    void utf8Validation_data();
    void utf8Validation();
};

void TestErrorClassifier::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("401") << 401 << u"invalid_api_key"_s << u"invalid_request_error"_s << u"Incorrect API key"_s << u"auth"_s;
    QTest::newRow("403 permission") << 403 << QString() << u"permission_error"_s << u"no access"_s << u"auth"_s;
    QTest::newRow("402 credits") << 402 << u"402"_s << QString() << u"requires more credits"_s << u"quota"_s;
    QTest::newRow("429 rate") << 429 << u"rate_limit_exceeded"_s << u"tokens"_s << u"Rate limit reached"_s
                              << u"rate_limited"_s;
    QTest::newRow("429 quota") << 429 << u"insufficient_quota"_s << u"insufficient_quota"_s
                               << u"You exceeded your current quota"_s << u"quota"_s;
    QTest::newRow("400 context code") << 400 << u"context_length_exceeded"_s << u"invalid_request_error"_s
                                      << u"maximum context length"_s << u"context_length"_s;
    QTest::newRow("400 context message only") << 400 << QString() << u"invalid_request_error"_s
                                              << u"prompt is too long: 210000 tokens > 200000 maximum"_s
                                              << u"context_length"_s;
    QTest::newRow("413") << 413 << QString() << QString() << u"Request Entity Too Large"_s << u"context_length"_s;
    QTest::newRow("400 content filter") << 400 << u"content_filter"_s << QString()
                                        << u"content management policy"_s << u"content_filter"_s;
    QTest::newRow("400 plain") << 400 << QString() << u"invalid_request_error"_s << u"temperature must be <= 2"_s
                               << u"bad_request"_s;
    QTest::newRow("422") << 422 << QString() << QString() << u"Field required"_s << u"bad_request"_s;
    QTest::newRow("404 model") << 404 << u"model_not_found"_s << QString() << u"does not exist"_s << u"not_found"_s;
    QTest::newRow("400 model_not_found") << 400 << u"model_not_found"_s << QString() << u"unknown model"_s
                                         << u"not_found"_s;
    QTest::newRow("408") << 408 << QString() << QString() << QString() << u"timeout"_s;
    QTest::newRow("504") << 504 << QString() << QString() << u"Gateway Timeout"_s << u"timeout"_s;
    QTest::newRow("500") << 500 << QString() << u"server_error"_s << u"The server had an error"_s << u"server"_s;
    QTest::newRow("502") << 502 << QString() << QString() << u"Bad Gateway"_s << u"server"_s;
    QTest::newRow("503") << 503 << QString() << QString() << u"overloaded"_s << u"overloaded"_s;
    QTest::newRow("529 anthropic") << 529 << QString() << u"overloaded_error"_s << u"Overloaded"_s << u"overloaded"_s;
    QTest::newRow("mid-stream overloaded type") << 0 << QString() << u"overloaded_error"_s << u"Overloaded"_s
                                                << u"overloaded"_s;
    QTest::newRow("mid-stream numeric 429") << 0 << u"429"_s << QString() << u"slow down"_s << u"rate_limited"_s;
    QTest::newRow("mid-stream numeric 400 context") << 0 << u"400"_s << u"BadRequestError"_s
                                                    << u"This model's maximum context length is 32768 tokens"_s
                                                    << u"context_length"_s;
    QTest::newRow("mid-stream server_error") << 0 << u"server_error"_s << QString() << u"Provider disconnected"_s
                                             << u"server"_s;
    QTest::newRow("gemini RESOURCE_EXHAUSTED") << 429 << u"429"_s << u"RESOURCE_EXHAUSTED"_s
                                               << u"Resource has been exhausted"_s << u"rate_limited"_s;
    QTest::newRow("gemini token count") << 400 << u"400"_s << u"INVALID_ARGUMENT"_s
                                        << u"The input token count (1200000) exceeds the maximum number of tokens allowed"_s
                                        << u"context_length"_s;
    QTest::newRow("429 whose message links to billing") << 429 << u"rate_limit_exceeded"_s << u"requests"_s
        << u"Rate limit reached for requests. Visit https://platform.openai.com/account/billing to add a payment method."_s
        << u"rate_limited"_s;
    QTest::newRow("llama.cpp context size") << 400 << u"400"_s << u"exceed_context_size_error"_s
        << u"the request exceeds the available context size, try increasing it"_s << u"context_length"_s;
    QTest::newRow("openrouter moderation 403") << 403 << u"403"_s << QString()
        << u"anthropic/claude requires moderation. Your input was flagged for \"violence\""_s << u"content_filter"_s;
    QTest::newRow("litellm budget") << 400 << u"400"_s << u"budget_exceeded"_s
        << u"Budget has been exceeded! Current cost: 10.2, Max budget: 10.0"_s << u"quota"_s;
    QTest::newRow("gemini UNAVAILABLE") << 503 << u"503"_s << u"UNAVAILABLE"_s << u"The model is overloaded."_s
                                        << u"overloaded"_s;
}

void TestErrorClassifier::classify()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const ProviderError e = ErrorClassifier::classify({status, code, type, message});
    QCOMPARE(errorClassName(e.errorClass), expected);
    QVERIFY(!e.message.isEmpty());
}

void TestErrorClassifier::retryAfter_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<double>("expected"); // -1: none
    QTest::newRow("seconds") << QByteArray("retry-after") << QByteArray("20") << 20.0;
    QTest::newRow("fractional seconds") << QByteArray("Retry-After") << QByteArray("1.5") << 1.5;
    QTest::newRow("milliseconds") << QByteArray("retry-after-ms") << QByteArray("19500") << 19.5;
    QTest::newRow("http date ahead") << QByteArray("retry-after") << QByteArray("Tue, 24 Nov 2026 10:00:30 GMT") << 30.0;
    QTest::newRow("http date past") << QByteArray("retry-after") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 0.0;
    QTest::newRow("rfc850 date") << QByteArray("retry-after") << QByteArray("Tuesday, 24-Nov-26 10:01:00 GMT") << 60.0;
    QTest::newRow("asctime date") << QByteArray("retry-after") << QByteArray("Tue Nov 24 10:00:05 2026") << 5.0;
    QTest::newRow("garbage") << QByteArray("retry-after") << QByteArray("soon") << -1.0;
    QTest::newRow("negative") << QByteArray("retry-after") << QByteArray("-5") << -1.0;
    QTest::newRow("absent") << QByteArray("x-other") << QByteArray("5") << -1.0;
}

void TestErrorClassifier::retryAfter()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(double, expected);
    const QDateTime now(QDate(2026, 11, 24), QTime(10, 0, 0), Qt::UTC);
    const auto seconds = retryAfterSeconds({{name, value}}, now);
    if (expected < 0) {
        QVERIFY(!seconds);
    } else {
        QVERIFY(seconds);
        QCOMPARE(*seconds, expected);
    }
}

void TestErrorClassifier::htmlPageGetsTitle()
{
    const ProviderError e = ErrorClassifier::fromUnparsedBody(
        502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html");
    QCOMPARE(e.errorClass, ErrorClass::Server);
    QVERIFY2(e.message.contains(u"HTML page"_s) && e.message.contains(u"502 Bad Gateway"_s), qPrintable(e.message));
    const ProviderError empty = ErrorClassifier::fromUnparsedBody(503, "", "");
    QCOMPARE(empty.errorClass, ErrorClass::Overloaded);
    QVERIFY(empty.message.contains(u"empty body"_s));
}

void TestErrorClassifier::hostileNestingIsBounded()
{
    // {"detail":{"detail":…}} 300,000 deep (2.7 MB): followed recursively it overflowed the stack.
    constexpr int kDepth = 300'000;
    QByteArray body;
    body.reserve(kDepth * 12 + 16);
    for (int i = 0; i < kDepth; ++i)
        body += "{\"detail\":";
    body += "\"deep\"";
    body += QByteArray(kDepth, '}');
    const ProviderError e = classifyErrorResponse(400, {{"content-type", "application/json"}}, body, QDateTime());
    QCOMPARE(e.errorClass, ErrorClass::BadRequest);
    QVERIFY(!e.message.isEmpty());
    QVERIFY2(e.message.size() < 2000, qPrintable(QString::number(e.message.size())));
    QVERIFY(json::parse(body).is_discarded()); // refused before a tree is built

    // A value built deep by other means: the message walk stops after a bounded number of steps.
    json::Json value = "the real reason";
    for (int i = 0; i < kDepth; ++i)
        value = json::Json{{"detail", std::move(value)}};
    const std::optional<ErrorDetails> details = errorDetails(json::Json{{"error", {{"message", std::move(value)}}}});
    QVERIFY(details);
    QVERIFY2(details->message.size() < 200, qPrintable(details->message.left(200)));

    // An ordinary nesting is still read through.
    const std::optional<ErrorDetails> mistral =
        errorDetails(json::parse(R"({"object":"error","message":{"detail":[{"loc":["body","x"],"msg":"bad"}]}})"));
    QVERIFY(mistral);
    QCOMPARE(mistral->message, u"body.x: bad"_s);
}

void TestErrorClassifier::openAiErrorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedClass");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("error object") << 400 << QByteArray(R"({"error":{"message":"bad temp","type":"invalid_request_error"}})")
                                  << u"bad_request"_s << u"bad temp"_s;
    QTest::newRow("error string") << 500 << QByteArray(R"({"error":"upstream failed"})") << u"server"_s
                                  << u"upstream failed"_s;
    QTest::newRow("vllm object error") << 400 << QByteArray(R"({"object":"error","message":"max_tokens too large","type":"BadRequestError","code":400})")
                                       << u"bad_request"_s << u"max_tokens too large"_s;
    QTest::newRow("fastapi detail string") << 404 << QByteArray(R"({"detail":"Not Found"})") << u"not_found"_s
                                           << u"Not Found"_s;
    QTest::newRow("gemini array") << 429 << QByteArray(R"([{"error":{"code":429,"message":"Quota exceeded for metric","status":"RESOURCE_EXHAUSTED"}}])")
                                  << u"rate_limited"_s << u"Quota exceeded"_s;
    QTest::newRow("openrouter metadata raw") << 502 << QByteArray(R"({"error":{"code":502,"message":"Provider returned error","metadata":{"raw":"upstream 500"}}})")
                                             << u"server"_s << u"upstream 500"_s;
    QTest::newRow("plain text") << 503 << QByteArray("upstream connect error or disconnect/reset before headers")
                                << u"overloaded"_s << u"upstream connect error"_s;
    QTest::newRow("mistral nested pydantic message") << 422
        << QByteArray(R"({"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}]},"type":"invalid_request_error","code":null})")
        << u"bad_request"_s << u"body.stream_options: Extra inputs are not permitted"_s;
    QTest::newRow("deeply nested code") << 500 << (QByteArray(R"({"error":{"message":"x","code":)") + QByteArray(200000, '[')
                                                   + QByteArray(200000, ']') + "}}")
                                        << u"server"_s << u"x"_s;
    QTest::newRow("google expired key (ErrorInfo reason)") << 400
        << QByteArray(R"({"error":{"code":400,"message":"API key expired. Please renew the API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}})")
        << u"auth"_s << u"expired"_s;
    QTest::newRow("truncated json") << 500 << QByteArray(R"({"error":{"message":"cut)") << u"server"_s
                                    << u"HTTP 500"_s;
}

void TestErrorClassifier::openAiErrorBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedClass);
    QFETCH(QString, messagePart);
    const OpenAiCompatibleProvider provider;
    const ProviderError e = provider.classifyHttpError(status, {}, body, QDateTime::currentDateTimeUtc());
    QCOMPARE(errorClassName(e.errorClass), expectedClass);
    QCOMPARE(e.httpStatus, status);
    QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
}

void TestErrorClassifier::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid");
    QTest::newRow("ascii") << QByteArray("hello") << -1;
    QTest::newRow("multi-byte") << QByteArray("héllo 世界 👋") << -1;
    QTest::newRow("lone continuation") << QByteArray("a\x80") << 1;
    QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0;
    QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("truncated at end") << QByteArray("ok\xE4\xB8") << 2;
    QTest::newRow("0xFF") << QByteArray("bad \xFF") << 4;
}

void TestErrorClassifier::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    QCOMPARE(firstInvalidUtf8Offset(bytes), qsizetype(firstInvalid));
}

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "TestErrorClassifier.moc"
