// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing is lost when the app dies mid-comparison: `juxta compare --save --events` streams eight columns of
// offline models and is killed with SIGKILL. The history then holds the comparison with its eight columns, each
// answer marked interrupted, its saved text the start of what was printed and at most about a second behind it;
// SQLite's integrity check passes, and `juxta history` lists and shows the comparison.
#include "config/ConfigStore.h"
#include "offline/ScriptFiles.h"
#include "storage/ComparisonStore.h"
#include "storage/HistoryDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

constexpr int kColumns = 8;
constexpr int kTokensPerSecond = 25; // a word and its space per token: every column streams for 16 s

QString replyOf(int column)
{
    QStringList words;
    for (int i = 0; i < 400; ++i)
        words.append(u"c%1w%2"_s.arg(column).arg(i));
    return words.join(u' ');
}

} // namespace

class TestCompareCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileEightColumnsStream();

private:
    QByteArray juxta(const QStringList& arguments);
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

QByteArray TestCompareCrash::juxta(const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(JUXTA_BINARY), arguments);
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        qWarning("juxta %s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

void TestCompareCrash::killedWhileEightColumnsStream()
{
    QVERIFY(m_home.isValid());
    const QString script = m_home.filePath(u"columns.json"_s);
    QJsonArray answers;
    for (int c = 0; c < kColumns; ++c) {
        answers.append(QJsonObject{{u"model"_s, u"c%1"_s.arg(c)}, {u"ttft_ms"_s, 100 + 20 * c},
                                   {u"tokens_per_second"_s, kTokensPerSecond}, {u"reply"_s, replyOf(c)}});
    }
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(answers).toJson());
    file.close();
    ConfigStore store(m_home.filePath(u"config.json"_s));
    store.load();
    QVERIFY(store.update([&script](AppConfig& config) {
        ProviderProfile p;
        p.id = u"crash"_s;
        p.presetId = u"scripted"_s;
        p.auth = AuthStyle::None;
        p.baseUrl = withScriptFile(QUrl(u"juxta-offline://scripted/v1"_s), script);
        config.profiles = {p};
    }));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    m_env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));

    QStringList arguments{u"compare"_s, u"--config"_s, m_home.filePath(u"config.json"_s), u"--save"_s, u"--events"_s};
    for (int c = 0; c < kColumns; ++c)
        arguments << u"--model"_s << u"crash/c%1"_s.arg(c);
    QProcess child;
    child.setProcessEnvironment(m_env);
    child.start(QStringLiteral(JUXTA_BINARY), arguments + QStringList{u"Tell eight long stories"_s});
    QVERIFY(child.waitForStarted());

    // What the process printed, line by line, until the kill.
    QByteArray buffer;
    QString comparisonId;
    QList<QString> printed(kColumns);
    QElapsedTimer sinceText;
    const auto readEvents = [&] {
        buffer += child.readAllStandardOutput();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(buffer.left(end)).object();
            buffer.remove(0, end + 1);
            const QString kind = event.value(u"event"_s).toString();
            if (kind == u"start"_s)
                comparisonId = event.value(u"comparison_id"_s).toString();
            if (kind == u"text"_s) {
                printed[event.value(u"lane"_s).toInt()] += event.value(u"text"_s).toString();
                if (!sinceText.isValid())
                    sinceText.start();
            }
        }
    };
    QElapsedTimer waited;
    waited.start();
    while (!(sinceText.isValid() && sinceText.elapsed() >= 3000) && waited.elapsed() < 20'000) {
        child.waitForReadyRead(50);
        readEvents();
    }
    QVERIFY2(sinceText.isValid(), child.readAllStandardError().constData());
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    readEvents(); // whatever was printed before the kill and is still in the pipe
    QVERIFY(!comparisonId.isEmpty());

    // The next start: the file is sound, and every unfinished answer reads back as interrupted.
    HistoryDatabase db(m_home.filePath(u"data/juxta/history.sqlite"_s));
    const HistoryOpenReport report = db.open();
    QVERIFY2(report.ok && report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    const std::optional<SavedComparison> saved = ComparisonStore(db.conversations()).loadComparison(comparisonId);
    QVERIFY(saved);
    QCOMPARE(saved->columns.size(), kColumns);
    // At most about a second of text lost per column: the save interval (750 ms) plus scheduling on a busy
    // machine, in tokens at the scripted pace.
    const int allowedTokens = int(kTokensPerSecond * 1.4);
    for (int c = 0; c < kColumns; ++c) {
        const Conversation& column = saved->columns.at(c);
        QCOMPARE(column.messages.size(), 2);
        QCOMPARE(column.messages.at(0).content, u"Tell eight long stories"_s);
        const MessageRecord& answer = column.messages.at(1);
        QCOMPARE(answer.state, MessageState::Interrupted);
        QVERIFY2(!printed.at(c).isEmpty(), qPrintable(u"column %1 printed nothing"_s.arg(c)));
        QVERIFY2(printed.at(c).startsWith(answer.content),
                 qPrintable(u"column %1 saved text that was never printed"_s.arg(c)));
        QVERIFY(replyOf(c).startsWith(printed.at(c)));
        const qsizetype printedTokens = printed.at(c).count(u' ');
        const qsizetype savedTokens = answer.content.count(u' ');
        qInfo("column %d: %lld tokens printed, %lld saved", c, qlonglong(printedTokens), qlonglong(savedTokens));
        QVERIFY2(printedTokens - savedTokens <= allowedTokens,
                 qPrintable(u"column %1: %2 tokens printed, %3 saved"_s.arg(c).arg(printedTokens).arg(savedTokens)));
    }

    // And the command line sees it as any other comparison.
    const QJsonArray listed = QJsonDocument::fromJson(juxta({u"history"_s, u"--json"_s})).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"kind"_s).toString(), u"comparison"_s);
    QVERIFY(juxta({u"history"_s, u"show"_s, comparisonId}).contains("## crash/c7"));
}

QTEST_GUILESS_MAIN(TestCompareCrash)
#include "TestCompareCrash.moc"
