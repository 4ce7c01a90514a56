// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta key set|delete|test PROFILE`: manage a profile's key in the system keychain. `set` reads the key from
// standard input so it never appears in the shell history or the process list.
#pragma once

#include <QStringList>

namespace juxta::cli {

class KeyCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
