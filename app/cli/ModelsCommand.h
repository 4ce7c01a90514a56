// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta models`: the models of every profile (or one, or a bare server) with context window and price.
#pragma once

#include <QStringList>

namespace juxta::cli {

class ModelsCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
