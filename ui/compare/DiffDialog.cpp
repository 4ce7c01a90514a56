// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/DiffDialog.h"

#include "common/Tones.h"
#include "compare/WordDiff.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

QString diffToHtml(const WordDiff& diff, const QPalette& palette)
{
    // Colour is not the only mark: removed words are also struck through, added ones underlined.
    const QString removed = u"<span style=\"background:%1; color:%2; text-decoration:line-through\">"_s.arg(
        cssColour(toneTint(Tone::Negative, palette)), cssColour(toneTextOnTint(Tone::Negative, palette)));
    const QString added = u"<span style=\"background:%1; color:%2; text-decoration:underline\">"_s.arg(
        cssColour(toneTint(Tone::Positive, palette)), cssColour(toneTextOnTint(Tone::Positive, palette)));
    QString html = u"<div style=\"white-space: pre-wrap\">"_s;
    for (const DiffSpan& span : diff.spans) {
        const QString text = span.text.toHtmlEscaped();
        switch (span.kind) {
        case DiffSpan::Kind::Same: html += text; break;
        case DiffSpan::Kind::Removed:
            html += removed + text + u"</span>"_s;
            break;
        case DiffSpan::Kind::Added:
            html += added + text + u"</span>"_s;
            break;
        }
    }
    return html + u"</div>"_s;
}

DiffDialog::DiffDialog(const QStringList& labels, const QStringList& texts, QWidget* parent)
    : QDialog(parent)
    , m_texts(texts)
    , m_first(new QComboBox(this))
    , m_second(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_view(new QTextBrowser(this))
{
    setWindowTitle(tr("Compare two answers word by word"));
    m_first->addItems(labels);
    m_second->addItems(labels);
    m_first->setAccessibleName(tr("First answer"));
    m_second->setAccessibleName(tr("Second answer"));
    m_view->setOpenLinks(false);
    m_view->setAccessibleName(tr("The two answers, word by word"));
    auto* pick = new QHBoxLayout;
    pick->addWidget(m_first, 1);
    pick->addWidget(new QLabel(tr("against"), this));
    pick->addWidget(m_second, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(m_first, &QComboBox::currentIndexChanged, this, &DiffDialog::refresh);
    connect(m_second, &QComboBox::currentIndexChanged, this, &DiffDialog::refresh);
    resize(820, 600);
    select(0, labels.size() > 1 ? 1 : 0);
}

void DiffDialog::select(int first, int second)
{
    const QSignalBlocker blockFirst(m_first);
    const QSignalBlocker blockSecond(m_second);
    m_first->setCurrentIndex(first);
    m_second->setCurrentIndex(second);
    refresh();
}

void DiffDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void DiffDialog::refresh()
{
    const WordDiff diff = diffWords(m_texts.value(m_first->currentIndex()), m_texts.value(m_second->currentIndex()));
    int removed = 0, added = 0;
    for (const DiffSpan& span : diff.spans) {
        if (span.kind == DiffSpan::Kind::Removed)
            removed += int(diffUnits(span.text).size());
        else if (span.kind == DiffSpan::Kind::Added)
            added += int(diffUnits(span.text).size());
    }
    QString summary = tr("Only in the first (struck through): %n piece(s).", nullptr, removed) + u' '
                      + tr("Only in the second (underlined): %n piece(s).", nullptr, added);
    if (diff.approximate)
        summary += u' ' + tr("The answers differ too much for an exact diff: the differing middle is shown whole.");
    m_summary->setText(summary);
    m_view->setHtml(diffToHtml(diff, palette())); // the dialog's: the view gets the new one after the dialog
}

} // namespace juxta
