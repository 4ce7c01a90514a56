// SPDX-License-Identifier: GPL-3.0-or-later
// The example pipelines that come with Juxta (compiled in). Opening one gives the user's own copy under
// $XDG_DATA_HOME/juxta/examples, with the files it reads beside it, so it runs, can be changed and saved like any
// other file — and the next open starts from that copy rather than overwriting it.
#pragma once

#include <QStringList>

namespace juxta {

struct PipelineExample
{
    QString file;  // "summarize-then-format.juxta"
    QString title; // the pipeline's name
};

QList<PipelineExample> pipelineExamples();
// The path of the user's copy of `file`, made (with the files beside it) if it is not there yet; empty with `error`.
QString exampleCopy(const QString& file, QString& error, const QString& folder = {});
QString defaultExamplesFolder();

} // namespace juxta
