// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted text (model output, names) made safe for XML/HTML: markup characters escaped, and characters XML cannot
// hold (C0 controls, DEL, unpaired surrogates, U+FFFE/U+FFFF) shown as their visible "control picture" (␀, ␛, …) or
// U+FFFD — so a report stays well-formed and the text is still all there to read.
#pragma once

#include <QString>

namespace juxta {

QString xmlText(const QString& text);
// Only the control characters made visible, nothing escaped: for Markdown, where escaping is its own business.
QString visibleControls(const QString& text);

} // namespace juxta
