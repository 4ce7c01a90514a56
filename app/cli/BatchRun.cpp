// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BatchRun.h"

#include "cli/CommandLine.h"
#include "cli/InterruptWatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"run"_s;

QString progressLine(const BatchRunner::Progress& p)
{
    const QLocale c = QLocale::c();
    QString line = u"%1/%2 rows, %3 failed"_s.arg(p.done + p.failed).arg(p.total).arg(p.failed);
    if (p.resumed > 0)
        line += u" (%1 from before)"_s.arg(p.resumed);
    if (p.rowsPerSecond > 0)
        line += u", %1 rows/s"_s.arg(c.toString(p.rowsPerSecond, 'f', p.rowsPerSecond < 10 ? 1 : 0));
    if (p.etaSeconds)
        line += u", about %1 s left"_s.arg(c.toString(*p.etaSeconds, 'f', 0));
    return line;
}

} // namespace

int runBatch(AnswerEngine& engine, const Pipeline& pipeline, const BatchRunner::Options& options, bool json)
{
    BatchRunner batch(engine, pipeline, options);
    QString error;
    if (!batch.start(error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    QElapsedTimer sinceLine;
    sinceLine.start();
    qint64 lastQuarter = 0;
    bool lineOpen = false;
    const auto endLine = [&lineOpen] {
        if (lineOpen)
            std::fputs("\n", stderr);
        lineOpen = false;
    };
    printError(kCommand, u"batch %1 (resume it with --resume %1)"_s.arg(batch.id()));
    QObject::connect(&batch, &BatchRunner::progressed, &batch, [&] {
        const BatchRunner::Progress p = batch.progress();
        const QString line = progressLine(p);
        if (terminal) { // one line, rewritten in place
            const QByteArray bytes = (u"\r\x1b[2K"_s + line).toUtf8();
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
            std::fflush(stderr);
            lineOpen = true;
            return;
        }
        // Plain lines for logs: every quarter of the way and at most every two seconds otherwise.
        const qint64 quarter = p.total > 0 ? (p.done + p.failed) * 4 / p.total : 0;
        if (quarter > lastQuarter || sinceLine.elapsed() >= 2000) {
            lastQuarter = quarter;
            sinceLine.restart();
            printError(kCommand, line);
        }
    });
    QObject::connect(&batch, &BatchRunner::notice, &batch, [&](const QString& text) {
        endLine();
        printError(kCommand, text);
    });
    bool failedToStart = false;
    QObject::connect(&batch, &BatchRunner::failedToStart, &batch, [&](const QString& text) {
        endLine();
        printError(kCommand, text);
        failedToStart = true;
        QCoreApplication::exit(0);
    });
    QObject::connect(&batch, &BatchRunner::finished, &batch, [] { QCoreApplication::exit(0); });
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &batch, &BatchRunner::cancel);
    if (!batch.isFinished())
        QCoreApplication::exec();
    endLine();
    if (failedToStart)
        return BadUsage;

    const BatchRunner::Progress p = batch.progress();
    printError(kCommand, u"batch %1 %2: %3"_s.arg(batch.id(), batch.state(), progressLine(p))
                             + (batch.state() == u"cancelled"_s ? u"; resume with --resume %1"_s.arg(batch.id())
                                                                : QString()));
    if (json) {
        printOut(QJsonDocument(QJsonObject{{u"batch_id"_s, batch.id()},
                                           {u"state"_s, batch.state()},
                                           {u"total"_s, double(p.total)},
                                           {u"done"_s, double(p.done)},
                                           {u"failed"_s, double(p.failed)},
                                           {u"resumed"_s, double(p.resumed)},
                                           {u"output"_s, options.output}})
                     .toJson(QJsonDocument::Indented));
    }
    return interrupts.exitStatus(batch.state() == u"done"_s ? Success : ProviderFailure);
}

} // namespace juxta::cli
