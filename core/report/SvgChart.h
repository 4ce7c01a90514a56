// SPDX-License-Identifier: GPL-3.0-or-later
// Charts and a pipeline's graph as SVG text: a small writer with no QtSvg, no script and no external reference. Each
// drawing carries its own style (light and dark colour schemes, system fonts), so it reads the same inline in an
// HTML report and as a file beside a Markdown one. Bars run horizontally: long model names get a column of their
// own instead of running into each other under the bars.
#pragma once

#include "report/Report.h"

namespace juxta {

QString chartSvg(const ChartSpec& chart);
// The run's graph: its nodes in layers left to right (the canvas's vertical order kept), the edges as arrows, each
// node marked with its state in the run.
QString pipelineGraphSvg(const Report& report);

} // namespace juxta
