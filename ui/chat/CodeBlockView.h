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
    bool hasHeightForWidth() const override { return false; }
    QSize sizeHint() const override;

private:
    void copy();

    QString m_code;
    QPlainTextEdit* m_text;
    QToolButton* m_copy;
};

} // namespace juxta
