// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta profiles`: list, add from a preset, remove, export and import provider profiles (never keys).
#pragma once

#include <QStringList>

namespace juxta::cli {

class ProfilesCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
