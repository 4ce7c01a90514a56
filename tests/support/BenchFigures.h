// SPDX-License-Identifier: GPL-3.0-or-later
// What the benchmarks measure with: resident memory and percentiles of a list of timings.
#pragma once

#include <QList>

namespace juxta::test {

long residentKb();                                // VmRSS from /proc/self/status, -1 if unreadable
double percentile(QList<double> values, double p); // p in 0…1; 0 without values

} // namespace juxta::test
