// SPDX-License-Identifier: GPL-3.0-or-later
// A fenced code block in an answer: monospace, never wrapped (scrolls sideways), with its language and a Copy button.
#pragma once

#include <QFrame>

class QPlainTextEdit;
class QToolButton;

namespace juxta {

class CodeBlockView final : public QFrame
{
    Q_OBJECT

public:
    CodeBlockView(const QString& code, const QString& language, QWidget* parent = nullptr);

    QString code() const { return m_code; }
    QToolButton* copyButton() const { return m_copy; }
    // Which block this is ("code block 2 of answer 3"): names the copy button and the text for a screen reader.
    void setSubject(const QString& subject);
    bool hasHeightForWidth() const override { return false; }
    QSize sizeHint() const override;

private:
    void copy();

    QString m_code;
    QString m_language;
    QPlainTextEdit* m_text;
    QToolButton* m_copy;
};

} // namespace juxta
