// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareColumn.h"

#include "chat/TranscriptView.h"
#include "common/Tones.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent, bool checkable = false)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip); // until the column has a title (setTitle names it with the title)
    button->setAccessibleDescription(tip);
    button->setAutoRaise(true);
    button->setCheckable(checkable);
    return button;
}

} // namespace

CompareColumn::CompareColumn(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_estimate(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_marks(new QLabel(this))
    , m_left(toolButton(u"◀"_s, tr("Move left"), this))
    , m_right(toolButton(u"▶"_s, tr("Move right"), this))
    , m_hide(toolButton(u"✕"_s, tr("Hide this column"), this))
    , m_stop(toolButton(u"■"_s, tr("Stop this column"), this))
    , m_up(toolButton(tr("Good"), tr("Good answer (a rating; shown in the history charts)"), this, true))
    , m_down(toolButton(tr("Poor"), tr("Poor answer (a rating; shown in the history charts)"), this, true))
    , m_best(toolButton(tr("★ Best"), tr("This answer is the best (a vote for the leaderboard)"), this, true))
    , m_continue(toolButton(tr("Continue as chat"), tr("Carry on with this answer as a normal chat"), this))
    , m_transcript(new TranscriptView(this))
{
    setObjectName(u"compareColumn"_s);
    m_transcript->setMessageActions({.edit = false, .anotherModel = false, .anonymousAuthor = {}}); // one model, one prompt box
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(220);

    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setMinimumWidth(60);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long names elide, never widen the column
    m_statusLabel->setObjectName(u"columnStatus"_s);
    m_estimate->setObjectName(u"columnEstimate"_s);
    m_estimate->setTextFormat(Qt::PlainText);
    m_estimate->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_estimate->setForegroundRole(QPalette::PlaceholderText);
    m_figures->setObjectName(u"columnFigures"_s);
    m_figures->setWordWrap(true);
    m_figures->setTextFormat(Qt::PlainText);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_marks->setObjectName(u"columnMarks"_s);
    m_marks->setTextFormat(Qt::PlainText);
    m_marks->setVisible(false);
    m_stop->setEnabled(false);
    m_left->setObjectName(u"moveLeft"_s);
    m_right->setObjectName(u"moveRight"_s);
    m_hide->setObjectName(u"hideColumn"_s);
    m_stop->setObjectName(u"stopColumn"_s);
    m_up->setObjectName(u"rateGood"_s);
    m_down->setObjectName(u"ratePoor"_s);
    m_best->setObjectName(u"bestAnswer"_s);
    m_continue->setObjectName(u"continueAsChat"_s);

    auto* header = new QHBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_title, 1);
    header->addWidget(m_statusLabel);
    header->addWidget(m_left);
    header->addWidget(m_right);
    header->addWidget(m_stop);
    header->addWidget(m_hide);

    auto* footer = new QHBoxLayout;
    footer->setSpacing(2);
    footer->addWidget(m_up);
    footer->addWidget(m_down);
    footer->addWidget(m_best);
    footer->addStretch(1);
    footer->addWidget(m_continue);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(3);
    layout->addLayout(header);
    layout->addWidget(m_estimate);
    layout->addWidget(m_figures);
    layout->addWidget(m_marks);
    layout->addWidget(m_transcript, 1);
    layout->addLayout(footer);

    connect(m_left, &QToolButton::clicked, this, [this] { emit moveRequested(-1); });
    connect(m_right, &QToolButton::clicked, this, [this] { emit moveRequested(1); });
    connect(m_hide, &QToolButton::clicked, this, &CompareColumn::hideRequested);
    connect(m_stop, &QToolButton::clicked, this, &CompareColumn::stopRequested);
    connect(m_continue, &QToolButton::clicked, this, &CompareColumn::continueRequested);
    connect(m_best, &QToolButton::clicked, this, [this] {
        m_best->setChecked(false); // checked by the page once the vote is saved
        emit bestChosen();
    });
    const auto rate = [this](int score) {
        setRating(m_rating == score ? 0 : score); // clicking the same thumb again withdraws it
        emit rated(m_rating);
    };
    connect(m_up, &QToolButton::clicked, this, [rate] { rate(1); });
    connect(m_down, &QToolButton::clicked, this, [rate] { rate(-1); });
    setStatus(ColumnStatus::Ready);
    setVotingEnabled(false);
    setBestEnabled(false);
}

void CompareColumn::setTitle(const QString& title, const QString& tooltip)
{
    m_title->setText(title);
    m_title->setToolTip(tooltip.isEmpty() ? title : tooltip);
    setAccessibleName(tr("Column %1").arg(title));
    // Every column has the same buttons: a screen reader tells them apart by the column they act on.
    m_left->setAccessibleName(tr("Move %1 left").arg(title));
    m_right->setAccessibleName(tr("Move %1 right").arg(title));
    m_hide->setAccessibleName(tr("Hide %1").arg(title));
    m_stop->setAccessibleName(tr("Stop %1").arg(title));
    m_up->setAccessibleName(tr("Rate the answer from %1 good").arg(title));
    m_down->setAccessibleName(tr("Rate the answer from %1 poor").arg(title));
    m_best->setAccessibleName(tr("Vote the answer from %1 best").arg(title));
    m_continue->setAccessibleName(tr("Continue with %1 as a chat").arg(title));
    m_transcript->setOwner(title);
}

QString CompareColumn::title() const
{
    return m_title->text();
}

void CompareColumn::setStatus(ColumnStatus status)
{
    m_status = status;
    QString text;
    switch (status) {
    case ColumnStatus::Ready: text.clear(); break;
    case ColumnStatus::Waiting: text = tr("waiting"); break;
    case ColumnStatus::Streaming: text = tr("streaming"); break;
    case ColumnStatus::Done: text = tr("done"); break;
    case ColumnStatus::Failed: text = tr("failed"); break;
    case ColumnStatus::Stopped: text = tr("stopped"); break;
    }
    m_statusLabel->setText(text);
    QPalette palette = this->palette();
    if (status == ColumnStatus::Failed)
        palette.setColor(QPalette::WindowText, toneColour(Tone::Negative, palette, ToneUse::Text, QPalette::Window));
    else if (status == ColumnStatus::Streaming || status == ColumnStatus::Waiting)
        palette.setColor(QPalette::WindowText, palette.color(QPalette::Highlight));
    m_statusLabel->setPalette(palette);
    const bool running = status == ColumnStatus::Streaming || status == ColumnStatus::Waiting;
    m_stop->setEnabled(running);
}

void CompareColumn::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setStatus(m_status);
}

void CompareColumn::setEstimate(const QString& text, const QString& tooltip)
{
    m_estimate->setText(text);
    m_estimate->setToolTip(tooltip);
    m_estimate->setVisible(!text.isEmpty());
}

QString CompareColumn::estimate() const
{
    return m_estimate->text();
}

void CompareColumn::setFigures(const QString& text, const QString& tooltip, const QString& spoken)
{
    m_figures->setText(text);
    m_figures->setToolTip(tooltip);
    m_figures->setAccessibleName(spoken);
    setAccessibleDescription(spoken.isEmpty() ? text : spoken);
}

QString CompareColumn::figures() const
{
    return m_figures->text();
}

void CompareColumn::setMarks(bool fastest, bool cheapest, bool longest)
{
    QStringList marks;
    if (fastest)
        marks.append(tr("⚡ fastest"));
    if (cheapest)
        marks.append(tr("$ cheapest"));
    if (longest)
        marks.append(tr("¶ longest"));
    m_marks->setText(marks.join(u"   "_s));
    m_marks->setVisible(!marks.isEmpty());
}

QString CompareColumn::marks() const
{
    return m_marks->text();
}

void CompareColumn::setRating(int score)
{
    m_rating = score;
    m_up->setChecked(score > 0);
    m_down->setChecked(score < 0);
}

void CompareColumn::setVotingEnabled(bool enabled)
{
    m_up->setEnabled(enabled);
    m_down->setEnabled(enabled);
    m_continue->setEnabled(enabled);
}

void CompareColumn::setBestEnabled(bool enabled)
{
    m_best->setEnabled(enabled);
}

void CompareColumn::setBest(bool best)
{
    m_best->setChecked(best);
}

void CompareColumn::setMovable(bool left, bool right)
{
    m_left->setEnabled(left);
    m_right->setEnabled(right);
}

} // namespace juxta
