// SPDX-License-Identifier: GPL-3.0-or-later
// The input box under the conversation: Ctrl+Enter sends, Esc stops (or leaves editing), Up in an empty box edits
// the last message. Shows the estimate for the next send and turns Send into Stop while an answer streams.
#pragma once

#include <QPlainTextEdit>
#include <QWidget>

class QLabel;
class QPushButton;

namespace juxta {

class ComposerEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    using QPlainTextEdit::QPlainTextEdit;

signals:
    void sendPressed();
    void escapePressed();
    void upInEmptyBox();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

class Composer final : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    void setBusy(bool busy);      // an answer is streaming: Send becomes Stop
    bool isBusy() const { return m_busy; }
    void setEstimate(const QString& text, const QString& tooltip = {});
    void setEditing(const QString& note); // empty: a new message
    bool isEditing() const { return !m_editNote.isEmpty(); }
    ComposerEdit* editor() const { return m_edit; }
    QPushButton* sendButton() const { return m_send; }

signals:
    void sendRequested(const QString& text);
    void stopRequested();
    void editLastRequested();
    void editCancelled();
    void textEdited();

private:
    void send();
    void onEscape();

    ComposerEdit* m_edit;
    QPushButton* m_send;
    QLabel* m_estimate;
    QLabel* m_editLabel;
    QString m_editNote;
    bool m_busy = false;
};

} // namespace juxta
