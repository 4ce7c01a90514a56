// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/Composer.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

void ComposerEdit::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        emit sendPressed();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        emit escapePressed();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && toPlainText().isEmpty()) {
        emit upInEmptyBox();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

Composer::Composer(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"composer"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 8);
    layout->setSpacing(4);
    m_editLabel = new QLabel(this);
    m_editLabel->setObjectName(u"editingNote"_s);
    m_editLabel->setForegroundRole(QPalette::Link);
    m_editLabel->hide();
    layout->addWidget(m_editLabel);

    auto* row = new QHBoxLayout;
    m_edit = new ComposerEdit(this);
    m_edit->setObjectName(u"composerEdit"_s);
    m_edit->setAccessibleName(tr("Message"));
    m_edit->setPlaceholderText(tr("Message the model…  (Ctrl+Enter to send, Esc to stop, ↑ to edit your last message)"));
    m_edit->setTabChangesFocus(true);
    // Three lines by default; longer drafts scroll inside it.
    const int lines = 3;
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * lines + 2 * int(m_edit->document()->documentMargin())
                           + 2 * m_edit->frameWidth() + 4);
    row->addWidget(m_edit, 1);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"sendButton"_s);
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    layout->addLayout(row);

    m_estimate = new QLabel(this);
    m_estimate->setObjectName(u"sendEstimate"_s);
    m_estimate->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_estimate);

    connect(m_edit, &ComposerEdit::sendPressed, this, &Composer::send);
    connect(m_edit, &ComposerEdit::escapePressed, this, &Composer::onEscape);
    connect(m_edit, &ComposerEdit::upInEmptyBox, this, &Composer::editLastRequested);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::textEdited);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_busy)
            emit stopRequested();
        else
            send();
    });
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setText(const QString& text)
{
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
}

void Composer::send()
{
    if (m_busy)
        return; // one answer at a time; Esc or Stop first
    const QString message = text();
    if (message.trimmed().isEmpty())
        return;
    emit sendRequested(message);
}

void Composer::onEscape()
{
    if (m_busy) {
        emit stopRequested();
    } else if (isEditing()) {
        setEditing({});
        m_edit->clear();
        emit editCancelled();
    }
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setText(busy ? tr("Stop") : tr("Send"));
    m_send->setAccessibleName(m_send->text());
    m_send->setToolTip(busy ? tr("Stop the answer (Esc)") : tr("Send (Ctrl+Enter)"));
}

void Composer::setEstimate(const QString& text, const QString& tooltip)
{
    m_estimate->setText(text);
    m_estimate->setToolTip(tooltip);
}

void Composer::setEditing(const QString& note)
{
    m_editNote = note;
    m_editLabel->setText(note);
    m_editLabel->setVisible(!note.isEmpty());
}

} // namespace juxta
