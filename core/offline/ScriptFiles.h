// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted profile's script, as its base URL names it: juxta-offline://scripted/v1?file=… (a file of the user's)
// or ?script=demo (the one compiled in). Starting a script of one's own from a copy of the demo is one call.
#pragma once

#include <QFuture>
#include <QUrl>

namespace juxta {

bool isScriptedUrl(const QUrl& baseUrl);
// The file it names ("~/" expanded), or empty (the demo, or nothing).
QString scriptFileOf(const QUrl& baseUrl);
// The same URL answering from `path` instead (its pace items are kept).
QUrl withScriptFile(const QUrl& baseUrl, const QString& path);

// Writes the demo script to `path` on a worker thread. The result is empty on success, else what went wrong.
QFuture<QString> copyDemoScript(const QString& path);

} // namespace juxta
