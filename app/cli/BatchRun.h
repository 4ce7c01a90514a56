// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta run FILE --input rows.csv|rows.jsonl [--concurrency N] [--output results.jsonl|.csv] [--resume BATCH]`:
// the pipeline over every row, with progress on standard error (one updating line on a terminal, plain lines
// otherwise) and a summary; exit status 0 when every row succeeded, 1 when any failed or the batch was stopped.
#pragma once

#include "pipeline/BatchRunner.h"

namespace juxta {
class AnswerEngine;
}

namespace juxta::cli {

int runBatch(AnswerEngine& engine, const Pipeline& pipeline, const BatchRunner::Options& options, bool json);

} // namespace juxta::cli
