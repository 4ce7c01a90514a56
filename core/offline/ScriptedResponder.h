// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in "scripted" provider: juxta-offline://scripted/v1?file=/path/answers.jsonl answers from the user's
// file of canned answers (see ScriptedAnswers for the format); ?script=demo uses the demo script that ships with
// Juxta. The file is read again for every request (edits apply at once), on the offline providers' worker thread
// (see OfflineNetwork), so the caller's thread never waits on the disk and answers "in turn" are handed out in the
// order requests were made.
#pragma once

#include "offline/OfflineReply.h"

#include <QUrl>

namespace juxta {

// The plan, made on the calling thread (the worker's job; also for tests).
OfflinePlan scriptedPlanNow(const QUrl& url, const QByteArray& body);

// Starts every script's answers-in-turn from the first again.
void resetScriptedTurns();

// The resource the demo script is compiled into; also an example of the file format.
inline constexpr auto kDemoScriptResource = ":/juxta/offline/demo-script.json";

} // namespace juxta
