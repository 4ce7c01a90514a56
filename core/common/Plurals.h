// SPDX-License-Identifier: GPL-3.0-or-later
// English plurals for texts written "%n answer(s)": Qt's way is a translation with numerus forms, so an English
// user without one would read "1 answer(s)". Two parts, one rule ("(s)" → "" for one, "s" otherwise):
// - translated(): the core's own texts (reports, figures), so a report reads the same from the CLI, the window
//   and a test with no translator installed;
// - EnglishPlurals: a translator installed first by the application, so every widget's tr("… %n …(s)", n) reads
//   the same; a real translation installed after it (German) answers first.
#pragma once

#include <QString>
#include <QTranslator>

namespace juxta {

// "(s)" resolved for `n`; the text as it is for n < 0.
QString withEnglishPlurals(QString text, int n);

// QCoreApplication::translate, then the English rule where no translation answered.
QString translated(const char* context, const char* text, int n = -1);

class EnglishPlurals final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
};

} // namespace juxta
