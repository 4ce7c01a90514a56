// SPDX-License-Identifier: GPL-3.0-or-later
// Reordering lists in step (compare columns, their lanes, their letters) by one permutation.
#pragma once

#include <QList>

namespace juxta {

// True when `from` holds each index 0…size-1 exactly once.
inline bool isPermutation(const QList<int>& from, qsizetype size)
{
    if (from.size() != size)
        return false;
    QList<bool> seen(size, false);
    for (const int i : from) {
        if (i < 0 || i >= size || seen.at(i))
            return false;
        seen[i] = true;
    }
    return true;
}

// The element now at i is the one that was at from[i]. Nothing moves unless `from` is a permutation of the list.
template <typename List>
bool permute(List& list, const QList<int>& from)
{
    if (!isPermutation(from, list.size()))
        return false;
    List moved;
    moved.reserve(list.size());
    for (const int i : from)
        moved.append(list.at(i));
    list = std::move(moved);
    return true;
}

} // namespace juxta
