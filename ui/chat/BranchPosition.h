// SPDX-License-Identifier: GPL-3.0-or-later
// Where a message stands among its versions (edits and regenerations of the same turn): "2 / 3".
#pragma once

namespace juxta {

struct BranchPosition
{
    int index = 0; // 0-based among the message's siblings
    int count = 1;
};

} // namespace juxta
