// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta history` as a process: conversations saved by `juxta ask --save` (against the fake server) are listed,
// searched, shown as Markdown, exported and imported back; bad ids and files are refused with exit status 2.
#include "FakeProviderServer.h"
#include "StreamScripts.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace juxta::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestHistoryCommand : public QObject
{
    Q_OBJECT

private slots:
    void listShowExportImport();

private:
    Run juxta(const QStringList& arguments);
    QTemporaryDir m_home;
};

Run TestHistoryCommand::juxta(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    // The fake server lives on this thread: keep its event loop turning while the child talks to it.
    QElapsedTimer limit;
    limit.start();
    while (!process.waitForFinished(20)) {
        QCoreApplication::processEvents();
        if (limit.elapsed() > 60'000) { // a hang fails here, with the child's output, not as a suite timeout
            process.kill();
            process.waitForFinished();
            qWarning("juxta %s hung; stderr: %s", qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
            return {-2, {}, {}};
        }
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestHistoryCommand::listShowExportImport()
{
    FakeProviderServer server;
    QVERIFY(server.listen());
    StreamScript a;
    a.pieces = {u"Paris"_s, u" is the capital."_s};
    StreamScript b;
    b.pieces = {u"```python\n"_s, u"print(42)\n"_s, u"```"_s};
    server.enqueue(openAiStream(a));
    server.enqueue(openAiStream(b));
    const QStringList base{u"ask"_s, u"--save"_s, u"--base-url"_s, server.baseUrl().toString(), u"--model"_s, u"m"_s};
    QCOMPARE(juxta(base + QStringList{u"Capital of France?"_s}).exitCode, 0);
    QCOMPARE(juxta(base + QStringList{u"Print 42 in Python"_s}).exitCode, 0);

    Run listed = juxta({u"history"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray all = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).toObject().value(u"title"_s).toString(), u"Print 42 in Python"_s); // newest first

    Run found = juxta({u"history"_s, u"--search"_s, u"capital"_s}); // matches the answer's text too
    QCOMPARE(found.exitCode, 0);
    QVERIFY(found.out.contains("Capital of France?"));
    QVERIFY(!found.out.contains("Print 42"));

    const QString id = all.at(1).toObject().value(u"id"_s).toString();
    Run shown = juxta({u"history"_s, u"show"_s, id});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains("## You\n\nCapital of France?"));
    QVERIFY(shown.out.contains("Paris is the capital."));

    for (const QString& format : {u"json"_s, u"md"_s}) {
        const QString file = m_home.filePath(u"export."_s + format);
        QCOMPARE(juxta({u"history"_s, u"export"_s, id, u"--format"_s, format, u"--output"_s, file}).exitCode, 0);
        Run imported = juxta({u"history"_s, u"import"_s, file});
        QCOMPARE(imported.exitCode, 0);
        const QString newId = QString::fromUtf8(imported.out).trimmed();
        QVERIFY(!newId.isEmpty() && newId != id);
        Run again = juxta({u"history"_s, u"show"_s, newId});
        QVERIFY(again.out.contains("Paris is the capital."));
    }
    QCOMPARE(QJsonDocument::fromJson(juxta({u"history"_s, u"--json"_s}).out).array().size(), 4);

    QCOMPARE(juxta({u"history"_s, u"show"_s, u"no-such-id"_s}).exitCode, 2);
    QFile junk(m_home.filePath(u"junk.json"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{\"format\":\"something else\"}");
    junk.close();
    Run refused = juxta({u"history"_s, u"import"_s, junk.fileName()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("cannot import"));
    // A file past the import cap (sparse: no disk, and nothing is read) is refused by its size.
    QFile huge(m_home.filePath(u"huge.json"_s));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(300LL * 1024 * 1024));
    huge.close();
    Run tooLarge = juxta({u"history"_s, u"import"_s, huge.fileName()});
    QCOMPARE(tooLarge.exitCode, 2);
    QVERIFY2(tooLarge.err.contains("larger than 256 MiB"), tooLarge.err.constData());
    QCOMPARE(juxta({u"history"_s, u"frobnicate"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "TestHistoryCommand.moc"
