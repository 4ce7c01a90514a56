// SPDX-License-Identifier: GPL-3.0-or-later
// Text from servers and files (error banners, import warnings, model names) must never be read as HTML: QLabel and
// QMessageBox guess "rich text" from a leading tag, so "<img src=http://…>" in an error body would load a remote
// image and "<a href>" would turn into a link. Installed once on the application, this makes every label plain text
// as it is first shown. The few labels that are our own markup opt out with markRichText().
#pragma once

class QLabel;

namespace juxta {

void installPlainTextLabels();       // idempotent; needs a QApplication
void markRichText(QLabel* label);    // only for text we wrote ourselves, every outside part escaped

} // namespace juxta
