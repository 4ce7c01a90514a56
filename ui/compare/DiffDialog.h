// SPDX-License-Identifier: GPL-3.0-or-later
// A word-level diff of any two answers of a comparison: what the second says that the first does not
// (green), and the other way round (red, struck through).
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace juxta {

struct WordDiff;

class DiffDialog final : public QDialog
{
    Q_OBJECT

public:
    // `labels` and `texts` in step: one per answer.
    DiffDialog(const QStringList& labels, const QStringList& texts, QWidget* parent = nullptr);

    void select(int first, int second);
    QTextBrowser* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override; // the marks' colours follow a new palette

private:
    void refresh();

    QStringList m_texts;
    QComboBox* m_first;
    QComboBox* m_second;
    QLabel* m_summary;
    QTextBrowser* m_view;
};

// The diff as HTML: removed words struck through on a tint of the negative tone, added ones underlined on the
// positive tone, both fitted to `palette`; text escaped.
QString diffToHtml(const WordDiff& diff, const QPalette& palette);

} // namespace juxta
