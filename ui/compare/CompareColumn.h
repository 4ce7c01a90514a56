// SPDX-License-Identifier: GPL-3.0-or-later
// One column of a comparison: a header (model, or a letter in blind mode; status; move, hide and stop), the live
// figures, the marks it earned, the transcript, and rating buttons. Only a view: CompareLane drives it.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace juxta {

class TranscriptView;

enum class ColumnStatus { Ready, Waiting, Streaming, Done, Failed, Stopped };

class CompareColumn final : public QFrame
{
    Q_OBJECT

public:
    explicit CompareColumn(QWidget* parent = nullptr);

    void setTitle(const QString& title, const QString& tooltip = {});
    QString title() const;
    void setStatus(ColumnStatus status);
    ColumnStatus status() const { return m_status; }
    void setEstimate(const QString& text, const QString& tooltip = {}); // what the next send may cost here
    QString estimate() const;
    // Several lines of plain text; `spoken`, the same figures in words, is what a screen reader reads (the label's
    // accessible name and the column's description) — the text itself when empty.
    void setFigures(const QString& text, const QString& tooltip = {}, const QString& spoken = {});
    QString figures() const;
    void setMarks(bool fastest, bool cheapest, bool longest);
    QString marks() const;
    void setRating(int score);                  // -1, 0 or +1
    void setVotingEnabled(bool enabled);        // rating and "continue as chat", once this column's answer is in
    void setBestEnabled(bool enabled);          // the page offers "Best" once every column finished
    void setBest(bool best);                    // shown as chosen
    void setMovable(bool left, bool right);

    TranscriptView* transcript() const { return m_transcript; }
    QToolButton* stopButton() const { return m_stop; }
    QToolButton* bestButton() const { return m_best; }

signals:
    void stopRequested();
    void moveRequested(int step); // -1 left, +1 right
    void hideRequested();
    void rated(int score);
    void bestChosen();
    void continueRequested(); // carry on with this answer as a normal chat

protected:
    void changeEvent(QEvent* event) override; // the status colour follows a new palette

private:
    QLabel* m_title;
    QLabel* m_statusLabel;
    QLabel* m_estimate;
    QLabel* m_figures;
    QLabel* m_marks;
    QToolButton* m_left;
    QToolButton* m_right;
    QToolButton* m_hide;
    QToolButton* m_stop;
    QToolButton* m_up;
    QToolButton* m_down;
    QToolButton* m_best;
    QToolButton* m_continue;
    TranscriptView* m_transcript;
    ColumnStatus m_status = ColumnStatus::Ready;
    int m_rating = 0;
};

} // namespace juxta
