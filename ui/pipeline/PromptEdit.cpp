// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PromptEdit.h"

#include "common/Tones.h"
#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QSyntaxHighlighter>

using namespace Qt::StringLiterals;

namespace juxta {

class PromptHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    void setNames(const QStringList& names, const QColor& link, const QColor& unknown)
    {
        m_names = names;
        m_link = link;
        m_unknown = unknown;
        rehighlight();
    }

protected:
    void highlightBlock(const QString& text) override
    {
        static const QRegularExpression reference(u"\\{\\{\\s*([a-z][a-z0-9_]*)\\s*\\}\\}"_s);
        QTextCharFormat known;
        known.setForeground(m_link);
        known.setFontWeight(QFont::DemiBold);
        QTextCharFormat unknown;
        unknown.setForeground(m_unknown);
        unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        for (auto it = reference.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()),
                      m_names.contains(m.captured(1)) ? known : unknown);
        }
    }

private:
    QStringList m_names;
    QColor m_link;
    QColor m_unknown;
};

PromptEdit::PromptEdit(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this))
{
    setTabChangesFocus(true); // Tab keeps moving focus through the inspector
    m_highlighter = new PromptHighlighter(document());
    m_completer->setModel(m_model);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &PromptEdit::insertCompletion);
}

void PromptEdit::setNamesInReach(const QStringList& names)
{
    m_names = names;
    m_model->setStringList(names);
    m_highlighter->setNames(names, palette().color(QPalette::Link), toneColour(Tone::Warning, palette()));
}

void PromptEdit::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setNames(m_names, palette().color(QPalette::Link), toneColour(Tone::Warning, palette()));
}

QString PromptEdit::prefixAtCursor() const
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype open = before.lastIndexOf(u"{{"_s);
    if (open < 0 || before.indexOf(u"}}"_s, open) >= 0)
        return u"\n"_s; // not inside a reference
    return before.mid(open + 2).trimmed();
}

void PromptEdit::showCompletions()
{
    const QString prefix = prefixAtCursor();
    if (prefix == u"\n"_s || m_names.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void PromptEdit::insertCompletion(const QString& name)
{
    QTextCursor cursor = textCursor();
    const QString prefix = prefixAtCursor();
    if (prefix != u"\n"_s)
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    const bool closed = toPlainText().mid(cursor.position(), 2) == u"}}"_s;
    cursor.insertText(closed ? name : name + u"}}"_s);
    setTextCursor(cursor);
}

void PromptEdit::keyPressEvent(QKeyEvent* event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab: event->ignore(); return; // the completer's popup takes them
        default: break;
        }
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        if (prefixAtCursor() == u"\n"_s)
            insertPlainText(u"{{"_s);
        showCompletions();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty())
        showCompletions();
}

} // namespace juxta
