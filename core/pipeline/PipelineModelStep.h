// SPDX-License-Identifier: GPL-3.0-or-later
// A model node in flight, shared by the two halves of PipelineRunner (PipelineRunner.cpp schedules and cancels,
// PipelineModelStep.cpp asks): its prompts (one per item for a map), the answers as they come, their figures.
#pragma once

#include "answer/AnswerRun.h"
#include "pipeline/PipelineRunner.h"

namespace juxta {

struct PipelineRunner::ModelStep
{
    QString name;
    Node node;
    bool isMap = false;
    QStringList prompts;
    QStringList systems;
    QList<MessageRecord> basePath;   // the conversation it continues, if any
    QStringList outputs;             // per item
    QList<bool> answered;
    QHash<int, QPointer<AnswerRun>> runs;
    QHash<int, double> itemStartMs;  // since the node started
    QList<std::pair<double, double>> tokenSteps; // (ms since the node started, tokens added)
    MessageRecord question;          // a single answer's question and answer, for a node that continues it
    MessageRecord answer;
    int next = 0;
    int running = 0;
    bool stopLaunching = false;
    bool costKnown = true;
    QString error;
};

} // namespace juxta
