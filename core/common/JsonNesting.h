// SPDX-License-Identifier: GPL-3.0-or-later
// How deeply a JSON text nests, read from the raw bytes (strings skipped): checked before parsing input from a
// file or a model, so a hostile "[[[[…" is refused with a clear error and never reaches a recursive walk.
#pragma once

#include <QByteArrayView>

namespace juxta {

// How deep JSON from a model or a file may nest before it is refused (real answers and pipelines stay far below).
constexpr int kMaxJsonNesting = 64;

// The deepest nesting of objects and arrays, counting stops once it passes `limit`.
inline int jsonNesting(QByteArrayView bytes, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = ++depth > deepest ? depth : deepest;
            if (deepest > limit)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

} // namespace juxta
