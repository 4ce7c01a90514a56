// SPDX-License-Identifier: GPL-3.0-or-later
// Error text from servers sometimes quotes the key it was sent ("Incorrect API key provided: sk-…") and that text
// is kept: in the history, exports, reports and logs. Before it is kept, key-like strings and any piece of a
// known key are replaced by "[redacted]".
#pragma once

#include <QList>
#include <QString>

namespace juxta {

// Replaces key-shaped tokens (sk-…, sk-ant-…, sk-proj-…, sk-or-…, AIza…, gsk_…, hf_…, xai-…, Bearer tokens) and
// every run of 8 or more characters that also occurs in one of `knownSecrets`.
QString redactSecrets(const QString& text, const QList<QString>& knownSecrets = {});

} // namespace juxta
