// SPDX-License-Identifier: GPL-3.0-or-later
// Key-shaped strings and pieces of known keys are taken out of error text before it is kept; ordinary text stays.
#include "common/SecretRedaction.h"
#include "providers/ApiKey.h"

#include <QTest>

using namespace juxta;
using namespace Qt::StringLiterals;

class TestSecretRedaction : public QObject
{
    Q_OBJECT

private slots:
    void keyShapes_data();
    void keyShapes();
    void piecesOfTheKeyInUse();
    void ordinaryTextStays_data();
    void ordinaryTextStays();
};

void TestSecretRedaction::keyShapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("openai") << u"Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90. Find yours…"_s
                            << u"Incorrect API key provided: [redacted]. Find yours…"_s;
    QTest::newRow("anthropic") << u"invalid x-api-key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAA-BBBB"_s
                               << u"invalid x-api-key [redacted]"_s;
    QTest::newRow("openrouter") << u"key sk-or-v1-0123456789abcdef0123456789abcdef is disabled"_s
                                << u"key [redacted] is disabled"_s;
    QTest::newRow("gemini") << u"API key not valid: AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"_s
                            << u"API key not valid: [redacted]"_s;
    QTest::newRow("groq") << u"gsk_abcdefghijklmnopqrstuvwxyz012345 expired"_s << u"[redacted] expired"_s;
    QTest::newRow("bearer") << u"header was Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc"_s
                            << u"header was Authorization: Bearer [redacted]"_s;
}

void TestSecretRedaction::keyShapes()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(text), expected);
}

void TestSecretRedaction::piecesOfTheKeyInUse()
{
    const ApiKey key = ApiKey::fromSecret(u"custom-7f3a9c2e81d4b6f0"_s); // no known shape: only the key itself tells
    QCOMPARE(key.redact(u"Unknown key custom-7f3a9c2e81d4b6f0."_s), u"Unknown key [redacted]."_s);
    // A server that shows only part of it, or wraps it: every 8-character piece goes.
    QCOMPARE(key.redact(u"key …9c2e81d4b6f0 (prefix custom-7f…) rejected"_s),
             u"key …[redacted] (prefix [redacted]…) rejected"_s);
    QCOMPARE(key.redact(u"starts custom-x only"_s), u"starts custom-x only"_s); // 7 in common: too few to tell
    QCOMPARE(key.redact(u"nothing of it here"_s), u"nothing of it here"_s);
    QCOMPARE(ApiKey().redact(u"no key, no change"_s), u"no key, no change"_s);
}

void TestSecretRedaction::ordinaryTextStays_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("prose") << u"Rate limit reached for gpt-4o in organization org-123 on tokens per min."_s;
    QTest::newRow("scikit") << u"pip install sk-learn-utils; see sk-learn"_s;
    QTest::newRow("masked by the provider") << u"Incorrect API key provided: sk-proj-********************wxyz."_s;
    QTest::newRow("empty") << QString();
}

void TestSecretRedaction::ordinaryTextStays()
{
    QFETCH(QString, text);
    QCOMPARE(redactSecrets(text), text);
}

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "TestSecretRedaction.moc"
