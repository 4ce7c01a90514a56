// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one chat call against the fake server and checks its outcome; shared by every provider's test.
#pragma once

#include "FakeProviderServer.h"
#include "common/MonotonicClock.h"
#include "providers/ChatClient.h"

#include <QNetworkAccessManager>

#include <functional>

namespace juxta::test {

// What a scripted case must produce. Unset optional checks are skipped.
struct ExpectedOutcome
{
    ExpectedOutcome(QString text_ = {}, QString finish_ = QStringLiteral("stop"), bool complete_ = true,
                    QString errorClass_ = {}, int httpStatus_ = 0, double retryAfter_ = -1)
        : text(std::move(text_)), finish(std::move(finish_)), complete(complete_), errorClass(std::move(errorClass_)),
          httpStatus(httpStatus_), retryAfter(retryAfter_)
    {
    }
    QString text;
    QString finish;
    bool complete;
    QString errorClass;       // empty: no error
    int httpStatus;           // checked when an error is expected
    double retryAfter;        // -1: none
    QString reasoning;
    int toolCalls = 0;
    qint64 inputTokens = -2;  // -2: not checked, -1: not reported
    qint64 outputTokens = -1; // -1: not reported
    QString servedModel;      // empty: not checked
    QString messagePart;      // empty: not checked

    static ExpectedOutcome error(const char* errorClass, int httpStatus, const char* messagePart = nullptr,
                                 double retryAfter = -1);
};

// One chat call through `network` (a fake server's, or the offline providers'), waited for; `whileStreaming` runs
// right after the call starts (to cancel it midway, say).
CallOutcome runChat(QNetworkAccessManager& network, const ProviderProfile& profile, const ChatRequest& request,
                    CallOptions options = {}, const ApiKey& key = {},
                    const std::function<void(ChatCall&)>& whileStreaming = {});

class ProviderHarness
{
public:
    explicit ProviderHarness(FakeProviderServer& server) : m_server(server) {}

    CallOutcome run(ApiDialect dialect, const ChatRequest& request, CallOptions options = {}, ApiKey key = {},
                    const QString& basePath = QStringLiteral("/v1"));
    static ChatRequest simpleRequest(const QString& model);

private:
    FakeProviderServer& m_server;
    QNetworkAccessManager m_network;
};

// QTest checks of an outcome against expectations; call through QVERIFY(verifyOutcome(...)) is not needed:
// it records failures itself and returns false on the first one.
bool verifyOutcome(const CallOutcome& outcome, const ExpectedOutcome& expected);

} // namespace juxta::test

Q_DECLARE_METATYPE(juxta::test::ExpectedOutcome)
