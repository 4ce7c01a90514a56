// SPDX-License-Identifier: GPL-3.0-or-later
// A word-level diff of two answers, for showing what one model said differently from another. Words, runs of
// whitespace and single punctuation marks are the units; the result is the shortest edit (Myers' O(ND) algorithm)
// after the common start and end are set aside.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace juxta {

struct DiffSpan
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;

    bool operator==(const DiffSpan&) const = default;
};

struct WordDiff
{
    QList<DiffSpan> spans; // in reading order; adjacent spans of one kind are merged
    bool approximate = false; // the texts differ too much for an exact diff within the budget: the differing middle
                              // is shown as one removal and one addition
};

// `maxEdits` bounds the work: about maxEdits × (units of both texts) steps and maxEdits² integers of memory.
WordDiff diffWords(QStringView before, QStringView after, int maxEdits = 1000);

// The units diffWords() compares, as views into `text`.
QList<QStringView> diffUnits(QStringView text);

} // namespace juxta
