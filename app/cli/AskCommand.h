// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta ask`: stream one answer to stdout, or print one JSON object describing the outcome.
#pragma once

#include <QStringList>

namespace juxta::cli {

class AskCommand
{
public:
    int run(const QStringList& arguments);
};

} // namespace juxta::cli
