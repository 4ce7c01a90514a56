// SPDX-License-Identifier: GPL-3.0-or-later
// The report writers on hostile model output: the input (as UTF-8, or as raw UTF-16 with unpaired surrogates when
// the selector's low bit is set) becomes answers, reasoning, a model name and a prompt. Every format must be written;
// the HTML must stay well-formed XML with no element of its own from the text and the text whole; the CSV must read
// back to the same answer; the JSON must parse; the Markdown must hold no raw HTML or image outside its own code
// blocks (but its own <details> around the reasoning) and leave no block open.
#include "FuzzInput.h"

#include "common/Csv.h"
#include "report/ReportVerdict.h"
#include "report/ReportWriters.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QXmlStreamReader>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

// Says what broke (the replay in CTest shows it), then stops as any crash does.
[[noreturn]] void failWith(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputc('\n', stderr);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fuzz::SplitInput input = fuzz::split(data, size);
    if (input.payload.size() > 64 * 1024)
        return 0;
    const QString text = (input.selector & 1)
                             ? QString(reinterpret_cast<const QChar*>(input.payload.data()), input.payload.size() / 2)
                             : QString::fromUtf8(input.payload);
    const QStringList parts = text.split(u'\n');

    Report r;
    r.kind = ReportKind::Comparison;
    r.id = u"fuzz"_s;
    r.title = parts.value(0);
    r.options.reasoning = r.options.diff = true;
    r.prompts = {{1, parts.value(1, text)}};
    r.systemPrompt = parts.value(2);
    for (int i = 0; i < 2; ++i) {
        ReportAnswer a;
        a.id = u"a%1"_s.arg(i);
        a.model = i == 0 ? parts.value(3, u"m"_s) : u"other/model"_s;
        a.content = i == 0 ? text : parts.value(4);
        a.reasoning = parts.value(5);
        a.stats.servedBy = a.model;
        a.stats.errorMessage = parts.value(6);
        a.stats.ttftMs = 100;
        a.stats.totalMs = 900;
        r.answers.append(a);
        ReportModelFigures m;
        m.model = a.model;
        if (i == 0 || r.models.constFirst().model != a.model)
            r.models.append(m);
    }
    computeModelFigures(r);
    r.verdict = comparisonVerdict(r);

    const QByteArray html = reportHtml(r);
    for (const char* tag : {"<script", "<img", "<iframe"})
        if (const qsizetype at = html.indexOf(tag); at >= 0)
            failWith("an element from the text in the HTML: %s", html.mid(std::max<qsizetype>(0, at - 80), 160).constData());
    QXmlStreamReader xml(html);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError()) // the report is not well-formed: text escaped its escaping
        failWith("HTML not well-formed: %s at line %lld, column %lld", qPrintable(xml.errorString()), static_cast<long long>(xml.lineNumber()),
               static_cast<long long>(xml.columnNumber()));

    QByteArray csv = reportCsv(r);
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QStringList fields, header;
    QString error;
    if (!reader.next(header, error) || !reader.next(fields, error))
        failWith("the CSV does not read back: %s", qPrintable(error));
    const QString answer = fields.value(header.indexOf(u"answer"_s));
    const QString expected = QString::fromUtf8(text.toUtf8()); // what UTF-8 can carry of it
    const bool defused = answer.startsWith(u'\'') && answer.mid(1) == expected;
    if (answer != expected && !defused)
        failWith("the CSV's answer is not the answer: %s", qPrintable(answer.left(200)));

    if (QJsonDocument::fromJson(reportJson(r)).isNull())
        failWith("the JSON report does not parse");
    // Markdown: outside the fenced blocks, read as CommonMark reads fences, no raw HTML tag and no image.
    const QString md = reportMarkdown(r, u"charts"_s);
    if (md.contains(u'\r'))
        failWith("a carriage return in the Markdown");
    QString fence;
    for (const QString& line : md.split(u'\n')) {
        qsizetype run = 0;
        while (run < line.size() && line.at(run) == u'`')
            ++run;
        if (fence.isEmpty() && run >= 3 && !line.mid(run).contains(u'`')) {
            fence = line.left(run);
            continue;
        }
        if (!fence.isEmpty()) {
            if (line.trimmed() == fence)
                fence.clear();
            continue;
        }
        if ((line.startsWith(u"<details><summary>"_s) && line.endsWith(u"</summary>"_s)) || line == u"</details>"_s)
            continue; // the report's own fold around the reasoning
        for (qsizetype i = 0; i + 1 < line.size(); ++i) {
            const QChar next = line.at(i + 1);
            if (line.at(i) == u'<' && (next.isLetter() || next == u'/' || next == u'!' || next == u'?'))
                failWith("raw HTML outside code: %s", qPrintable(line));
            if (line.at(i) == u'!' && next == u'[' && (i == 0 || line.at(i - 1) != u'\\'))
                failWith("an image outside code: %s", qPrintable(line));
        }
    }
    if (!fence.isEmpty())
        failWith("a fence left open swallows the rest of the report"); 
    return 0;
}
