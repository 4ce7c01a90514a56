// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/WordDiff.h"

#include <algorithm>
#include <vector>

namespace juxta {
namespace {

enum class UnitClass { Word, Space, Mark };

UnitClass classOf(QChar c)
{
    if (c.isSpace())
        return UnitClass::Space;
    if (c.isLetterOrNumber() || c == u'_' || c.isMark())
        return UnitClass::Word;
    return UnitClass::Mark;
}

void append(QList<DiffSpan>& spans, DiffSpan::Kind kind, QStringView text)
{
    if (text.isEmpty())
        return;
    if (!spans.isEmpty() && spans.last().kind == kind)
        spans.last().text += text;
    else
        spans.append({kind, text.toString()});
}

} // namespace

QList<QStringView> diffUnits(QStringView text)
{
    QList<QStringView> units;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype end = i + 1;
        // A surrogate pair is one character.
        if (text.at(i).isHighSurrogate() && end < text.size() && text.at(end).isLowSurrogate())
            ++end;
        const UnitClass kind = classOf(text.at(i));
        if (kind != UnitClass::Mark) {
            while (end < text.size() && classOf(text.at(end)) == kind)
                ++end;
        }
        units.append(text.sliced(i, end - i));
        i = end;
    }
    return units;
}

WordDiff diffWords(QStringView before, QStringView after, int maxEdits)
{
    const QList<QStringView> a = diffUnits(before);
    const QList<QStringView> b = diffUnits(after);
    WordDiff out;

    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    for (qsizetype i = 0; i < prefix; ++i)
        append(out.spans, DiffSpan::Kind::Same, a.at(i));

    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;
    auto A = [&](qsizetype i) { return a.at(prefix + i); };
    auto B = [&](qsizetype j) { return b.at(prefix + j); };

    // Myers: v[k] is the furthest x on diagonal k = x - y after d edits. For the way back, round d keeps only the
    // diagonals it can reach (-d..d): about D² small integers in all, bounded through maxEdits.
    const qsizetype offset = n + m + 1;
    std::vector<std::vector<qint32>> trace;
    std::vector<qsizetype> v(size_t(2 * offset + 1), 0);
    bool found = n == 0 && m == 0;
    qsizetype editsUsed = 0;
    for (qsizetype d = 0; !found && d <= n + m; ++d) {
        if (d > maxEdits)
            break;
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                              ? v[size_t(offset + k + 1)]
                              : v[size_t(offset + k - 1)] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && A(x) == B(y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = true;
                editsUsed = d;
                break;
            }
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    }

    QList<DiffSpan> middle;
    if (!found) {
        out.approximate = true;
        for (qsizetype i = 0; i < n; ++i)
            append(middle, DiffSpan::Kind::Removed, A(i));
        for (qsizetype j = 0; j < m; ++j)
            append(middle, DiffSpan::Kind::Added, B(j));
    } else {
        // Walk back from (n, m), collecting the edit script in reverse.
        struct Step
        {
            DiffSpan::Kind kind;
            QStringView text;
        };
        std::vector<Step> steps;
        qsizetype x = n;
        qsizetype y = m;
        for (qsizetype d = editsUsed; d > 0; --d) {
            const std::vector<qint32>& round = trace[size_t(d - 1)];
            auto prev = [&round, d](qsizetype diagonal) { return qsizetype(round[size_t(diagonal + d - 1)]); };
            const qsizetype k = x - y;
            const bool down = k == -d || (k != d && prev(k - 1) < prev(k + 1));
            const qsizetype prevK = down ? k + 1 : k - 1;
            const qsizetype prevX = prev(prevK);
            const qsizetype prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                steps.push_back({DiffSpan::Kind::Same, A(x - 1)});
                --x;
                --y;
            }
            if (down)
                steps.push_back({DiffSpan::Kind::Added, B(y - 1)});
            else
                steps.push_back({DiffSpan::Kind::Removed, A(x - 1)});
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            steps.push_back({DiffSpan::Kind::Same, A(x - 1)});
            --x;
            --y;
        }
        for (auto it = steps.crbegin(); it != steps.crend(); ++it)
            append(middle, it->kind, it->text);
    }
    for (const DiffSpan& span : std::as_const(middle))
        append(out.spans, span.kind, span.text);
    for (qsizetype i = a.size() - suffix; i < a.size(); ++i)
        append(out.spans, DiffSpan::Kind::Same, a.at(i));
    return out;
}

} // namespace juxta
