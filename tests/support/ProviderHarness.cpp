// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderHarness.h"

#include <QSignalSpy>
#include <QTest>

namespace juxta::test {

ExpectedOutcome ExpectedOutcome::error(const char* errorClass, int httpStatus, const char* messagePart,
                                       double retryAfter)
{
    ExpectedOutcome e(QString(), QStringLiteral("error"), false, QString::fromLatin1(errorClass), httpStatus,
                      retryAfter);
    if (messagePart)
        e.messagePart = QString::fromUtf8(messagePart);
    return e;
}

ChatRequest ProviderHarness::simpleRequest(const QString& model)
{
    ChatRequest r;
    r.model = model;
    r.messages.append({ChatMessage::Role::User, QStringLiteral("Say hello")});
    return r;
}

CallOutcome ProviderHarness::run(ApiDialect dialect, const ChatRequest& request, CallOptions options, ApiKey key,
                                 const QString& basePath)
{
    ProviderProfile profile;
    profile.dialect = dialect;
    profile.baseUrl = m_server.baseUrl(basePath);
    return runChat(m_network, profile, request, options, key);
}

CallOutcome runChat(QNetworkAccessManager& network, const ProviderProfile& profile, const ChatRequest& request,
                    CallOptions options, const ApiKey& key, const std::function<void(ChatCall&)>& whileStreaming)
{
    SteadyClock clock;
    ChatClient client(network, clock);
    ChatCall* call = client.startChat(request, profile, key, options);
    if (!call)
        return {};
    QSignalSpy finished(call, &ChatCall::finished);
    if (whileStreaming)
        whileStreaming(*call);
    if (finished.isEmpty() && !finished.wait(20'000))
        qWarning("call did not finish");
    return call->outcome();
}

#define JUXTA_CHECK(cond)                                                                                              \
    do {                                                                                                               \
        if (!QTest::qVerify(static_cast<bool>(cond), #cond, "", __FILE__, __LINE__))                                  \
            return false;                                                                                              \
    } while (false)
#define JUXTA_CHECK_MSG(cond, msg)                                                                                     \
    do {                                                                                                               \
        if (!QTest::qVerify(static_cast<bool>(cond), #cond, qPrintable(msg), __FILE__, __LINE__))                      \
            return false;                                                                                              \
    } while (false)
#define JUXTA_COMPARE(actual, expected)                                                                                \
    do {                                                                                                               \
        if (!QTest::qCompare(actual, expected, #actual, #expected, __FILE__, __LINE__))                                \
            return false;                                                                                              \
    } while (false)

bool verifyOutcome(const CallOutcome& o, const ExpectedOutcome& expected)
{
    JUXTA_COMPARE(o.text, expected.text);
    JUXTA_COMPARE(o.reasoning, expected.reasoning);
    JUXTA_COMPARE(finishReasonName(o.finishReason), expected.finish);
    JUXTA_COMPARE(o.complete, expected.complete);
    JUXTA_COMPARE(int(o.toolCalls.size()), expected.toolCalls);
    if (expected.errorClass.isEmpty()) {
        JUXTA_CHECK_MSG(!o.error, o.error ? o.error->summary() : QString());
    } else {
        JUXTA_CHECK(o.error.has_value());
        JUXTA_COMPARE(errorClassName(o.error->errorClass), expected.errorClass);
        JUXTA_COMPARE(o.error->httpStatus, expected.httpStatus);
        JUXTA_CHECK_MSG(!o.error->message.isEmpty(), QStringLiteral("an error must explain itself"));
        if (!expected.messagePart.isEmpty())
            JUXTA_CHECK_MSG(o.error->message.contains(expected.messagePart), o.error->message);
        if (expected.retryAfter >= 0) {
            JUXTA_CHECK(o.error->retryAfterSeconds.has_value());
            JUXTA_COMPARE(*o.error->retryAfterSeconds, expected.retryAfter);
        } else {
            JUXTA_CHECK(!o.error->retryAfterSeconds.has_value());
        }
    }
    if (expected.inputTokens != -2)
        JUXTA_COMPARE(o.usage.inputTokens.value_or(-1), expected.inputTokens);
    JUXTA_COMPARE(o.usage.outputTokens.value_or(-1), expected.outputTokens);
    if (!expected.servedModel.isEmpty())
        JUXTA_COMPARE(o.servedModel, expected.servedModel);
    JUXTA_CHECK(o.metrics.totalMs.has_value());
    if (!o.text.isEmpty() || !o.reasoning.isEmpty())
        JUXTA_CHECK(o.metrics.ttftMs.has_value());
    return true;
}

} // namespace juxta::test
