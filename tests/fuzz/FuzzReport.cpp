// SPDX-License-Identifier: GPL-3.0-or-later
// The report writers on hostile model output: the input (as UTF-8, or as raw UTF-16 with unpaired surrogates when
// the selector's low bit is set) becomes answers, reasoning, a model name and a prompt. Every format must be written;
// the HTML must stay well-formed XML with no element of its own from the text and the text whole; the CSV must read
// back to the same answer; the JSON must parse.
#include "FuzzInput.h"

#include "common/Csv.h"
#include "report/ReportVerdict.h"
#include "report/ReportWriters.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace juxta;

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
    if (html.contains("<script") || html.contains("<img") || html.contains("<iframe"))
        abort();
    QXmlStreamReader xml(html);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        abort(); // the report is not well-formed: text escaped its escaping

    QByteArray csv = reportCsv(r);
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QStringList fields, header;
    QString error;
    if (!reader.next(header, error) || !reader.next(fields, error))
        abort();
    const QString answer = fields.value(header.indexOf(u"answer"_s));
    const QString expected = QString::fromUtf8(text.toUtf8()); // what UTF-8 can carry of it
    const bool defused = answer.startsWith(u'\'') && answer.mid(1) == expected;
    if (answer != expected && !defused)
        abort();

    if (QJsonDocument::fromJson(reportJson(r)).isNull())
        abort();
    reportMarkdown(r, u"charts"_s);
    return 0;
}
