// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/CodeBlockView.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

CodeBlockView::CodeBlockView(const QString& code, const QString& language, QWidget* parent)
    : QFrame(parent)
    , m_code(code)
    , m_language(language)
{
    setObjectName(u"codeBlock"_s);
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* header = new QWidget(this);
    header->setObjectName(u"codeBlockHeader"_s);
    header->setAutoFillBackground(true);
    header->setBackgroundRole(QPalette::Button);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(8, 2, 2, 2);
    auto* languageLabel = new QLabel(language.isEmpty() ? tr("code") : language, header);
    languageLabel->setForegroundRole(QPalette::PlaceholderText);
    headerLayout->addWidget(languageLabel);
    headerLayout->addStretch();
    m_copy = new QToolButton(header);
    m_copy->setObjectName(u"copyCode"_s);
    m_copy->setText(tr("Copy"));
    m_copy->setAutoRaise(true);
    m_copy->setAccessibleName(tr("Copy code"));
    m_copy->setAccessibleDescription(tr("Copy this code block to the clipboard"));
    m_copy->setToolTip(tr("Copy this code block to the clipboard"));
    connect(m_copy, &QToolButton::clicked, this, &CodeBlockView::copy);
    headerLayout->addWidget(m_copy);
    layout->addWidget(header);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"codeText"_s);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(code);
    m_text->setAccessibleName(language.isEmpty() ? tr("Code block") : tr("%1 code block").arg(language));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_text);

    const int lines = int(code.count(u'\n')) + 1;
    const QFontMetrics metrics(m_text->font());
    int widest = 0;
    // Long blocks: the widest of the first lines decides the sideways scroll bar; exact enough and bounded.
    const QStringList firstLines = code.left(20'000).split(u'\n');
    for (const QString& line : firstLines)
        widest = qMax(widest, metrics.horizontalAdvance(line));
    const bool scrolls = widest > 560;
    m_text->setFixedHeight(lines * metrics.lineSpacing() + 2 * int(m_text->document()->documentMargin()) + 4
                           + (scrolls ? m_text->horizontalScrollBar()->sizeHint().height() : 0));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize CodeBlockView::sizeHint() const
{
    return {QFrame::sizeHint().width(), layout()->sizeHint().height()};
}

void CodeBlockView::copy()
{
    QApplication::clipboard()->setText(m_code);
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(1500, m_copy, [button = m_copy] { button->setText(tr("Copy")); });
}

void CodeBlockView::setSubject(const QString& subject)
{
    m_copy->setAccessibleName(tr("Copy %1").arg(subject));
    if (subject.isEmpty())
        return;
    QString name = subject;
    name[0] = name.at(0).toUpper();
    m_text->setAccessibleName(m_language.isEmpty() ? name : tr("%1, %2").arg(name, m_language));
}

} // namespace juxta
