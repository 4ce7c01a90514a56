// SPDX-License-Identifier: GPL-3.0-or-later
// A batch's own cost: 10,000 rows of a CSV through a one-node pipeline (a zero-delay offline model) at a
// concurrency of 16, every row recorded in a real history database on disk and written to a JSONL results file.
// With a model that takes no time, the wall time per row is the engine's overhead per row: reading the row,
// scheduling it through the gate, the request and its stream, the question, answer and run record stored, the row
// recorded for resume and written out in order. Prints rows per second, wall and CPU time per row (both threads:
// the engine's and the history's) and the peak memory; asserts correctness only (every row done, in order).
// Targets: over 200 rows/s, under 5 ms per row. BENCH_ROWS and BENCH_CONCURRENCY change the size for a quick look.
#include "answer/AnswerEngine.h"
#include "catalog/ModelCatalog.h"
#include "config/AppConfig.h"
#include "keys/SecretStore.h"
#include "offline/OfflineNetwork.h"
#include "pipeline/BatchRunner.h"
#include "storage/HistoryService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <sys/resource.h>

using namespace juxta;
using namespace Qt::StringLiterals;

namespace {

qint64 peakKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return double(t.tv_sec) * 1000 + double(t.tv_usec) / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace

class BenchBatch : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandRows();
};

void BenchBatch::tenThousandRows()
{
    const int kRows = qEnvironmentVariableIntValue("BENCH_ROWS") > 0 ? qEnvironmentVariableIntValue("BENCH_ROWS") : 10'000;
    const int kConcurrency = qEnvironmentVariableIntValue("BENCH_CONCURRENCY") > 0 ? qEnvironmentVariableIntValue("BENCH_CONCURRENCY") : 16;
    QTemporaryDir dir;
    AppConfig config;
    ProviderProfile zero;
    zero.id = u"zero"_s;
    zero.presetId = u"echo"_s;
    zero.auth = AuthStyle::None;
    zero.baseUrl = QUrl(u"juxta-offline://echo/v1?ttft_ms=0&tokens_per_second=100000"_s);
    config.profiles = {zero};
    InsecureFileSecretStore secrets(dir.filePath(u"keys.json"_s));
    ModelCatalog catalog(config);
    OfflineNetworkAccessManager network;
    HistoryService history(dir.filePath(u"history.sqlite"_s));
    AnswerEngine engine(config, secrets, catalog, network, &history);
    engine.setRecordsSpending(false);

    QFile rows(dir.filePath(u"rows.csv"_s));
    QVERIFY(rows.open(QIODevice::WriteOnly));
    rows.write("id,question\n");
    for (int i = 0; i < kRows; ++i)
        rows.write(QByteArray::number(i) + ",\"What is " + QByteArray::number(i) + ", in words?\"\n");
    rows.close();

    Pipeline p;
    p.name = u"bench"_s;
    p.variables = {{u"question"_s, {}, {}}};
    Node in;
    in.name = u"q"_s;
    in.kind = NodeKind::Input;
    in.variable = u"question"_s;
    Node ask;
    ask.name = u"answer"_s;
    ask.kind = NodeKind::Model;
    ask.model = u"zero/echo"_s;
    ask.prompt = u"{{q}}"_s;
    Node out;
    out.name = u"out"_s;
    out.kind = NodeKind::Output;
    p.nodes = {in, ask, out};
    p.edges = {{u"q"_s, u"answer"_s, {}, {}}, {u"answer"_s, u"out"_s, {}, {}}};

    BatchRunner::Options options;
    options.input = rows.fileName();
    options.output = dir.filePath(u"results.jsonl"_s);
    options.concurrency = kConcurrency;
    BatchRunner batch(engine, p, options);
    QSignalSpy finished(&batch, &BatchRunner::finished);
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuMs();
    QString error;
    QVERIFY2(batch.start(error), qPrintable(error));
    QVERIFY(finished.wait(600'000));
    const double runMs = double(timer.nsecsElapsed()) / 1e6;
    history.flush(); // every row recorded: part of the cost
    const double wallMs = double(timer.nsecsElapsed()) / 1e6;
    const double cpuUsedMs = cpuMs() - cpuBefore;

    QCOMPARE(batch.state(), u"done"_s);
    QCOMPARE(batch.progress().done, kRows);
    QFile results(options.output);
    QVERIFY(results.open(QIODevice::ReadOnly));
    int line = 0;
    while (!results.atEnd()) {
        const QJsonObject r = QJsonDocument::fromJson(results.readLine()).object();
        QCOMPARE(r.value(u"row"_s).toInt(), line);
        if (line == 1234)
            QCOMPARE(r.value(u"outputs"_s).toObject().value(u"out"_s).toString(), u"What is 1234, in words?"_s);
        ++line;
    }
    QCOMPARE(line, kRows);
    std::printf("batch: %d rows, one model node (zero-delay offline model), concurrency %d: %.1f s (%.1f s until the "
                "last row, then %.1f s for the history to catch up); %.0f rows/s; %.2f ms wall and %.2f ms CPU per row "
                "(targets: > 200 rows/s, < 5 ms); peak memory %.0f MiB\n",
                kRows, kConcurrency, wallMs / 1000, runMs / 1000, (wallMs - runMs) / 1000, kRows / (wallMs / 1000),
                wallMs / kRows, cpuUsedMs / kRows, double(peakKiB()) / 1024);
}

QTEST_GUILESS_MAIN(BenchBatch)
#include "BenchBatch.moc"
