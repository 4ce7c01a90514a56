// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta models`: list the models a server offers, one per line or as JSON.
#pragma once

#include <QStringList>

namespace juxta::cli {

class ModelsCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
