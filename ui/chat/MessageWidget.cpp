// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/MessageWidget.h"

#include "chat/CodeBlockView.h"
#include "chat/MarkdownBlocks.h"
#include "chat/MarkdownView.h"
#include "pricing/CostCalculator.h"
#include "report/FigureFormat.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString stateText(MessageState state)
{
    switch (state) {
    case MessageState::Complete: return {};
    case MessageState::Streaming: return MessageWidget::tr("streaming…");
    case MessageState::Interrupted: return MessageWidget::tr("incomplete: interrupted");
    case MessageState::Stopped: return MessageWidget::tr("incomplete: stopped");
    case MessageState::Failed: return MessageWidget::tr("incomplete: failed");
    }
    return {};
}

} // namespace

MessageWidget::MessageWidget(const MessageRecord& message, BranchPosition branch, MessagePart part, QWidget* parent,
                             MessageActions actions)
    : QFrame(parent)
    , m_message(message)
    , m_branch(branch)
    , m_part(part)
    , m_actions(actions)
{
    // A row keeps only its own part of the text: thousands of rows never hold copies of a long answer.
    m_message.content = partText().toString();
    m_part.start = 0;
    m_part.end = -1;
    setObjectName(message.role == MessageRole::User ? u"userMessage"_s : u"assistantMessage"_s);
    setAccessibleName(message.role == MessageRole::User ? tr("Your message") : tr("Answer")); // until setSubject
    setFocusPolicy(Qt::NoFocus);
    if (message.role == MessageRole::User) {
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::AlternateBase);
    }
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    build();
}

QToolButton* MessageWidget::addAction(const QString& objectName, const QString& text, const QString& tip)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip); // setSubject names it with the message it acts on
    button->setAccessibleDescription(tip);
    button->setAutoRaise(true);
    return button;
}

void MessageWidget::setSubject(const QString& subject)
{
    m_subject = subject;
    nameControls();
}

void MessageWidget::nameControls()
{
    if (m_subject.isEmpty())
        return;
    const QString& s = m_subject;
    const auto name = [this](const QString& object, const QString& text) {
        if (auto* button = findChild<QToolButton*>(object))
            button->setAccessibleName(text);
    };
    name(u"copyMessage"_s, tr("Copy %1").arg(s));
    name(u"editMessage"_s, tr("Edit %1").arg(s));
    name(u"regenerateMessage"_s, tr("Regenerate %1").arg(s));
    name(u"previousBranch"_s, tr("Previous version of %1").arg(s));
    name(u"nextBranch"_s, tr("Next version of %1").arg(s));
    name(u"reasoningToggle"_s, tr("Show the reasoning of %1").arg(s));
    name(u"retryAnswer"_s, tr("Retry %1").arg(s));
    name(u"tryAnotherModel"_s, tr("Try another model for %1").arg(s));
    QString capitalized = s;
    capitalized[0] = capitalized.at(0).toUpper();
    setAccessibleName(capitalized);
    if (m_reasoningView)
        m_reasoningView->setAccessibleName(tr("Reasoning of %1").arg(s));
    const QList<MarkdownView*> texts = findChildren<MarkdownView*>(u"messageText"_s);
    for (qsizetype i = 0; i < texts.size(); ++i) // prose between code blocks: passages of one text
        texts.at(i)->setAccessibleName(texts.size() == 1
                ? capitalized
                : tr("%1, passage %2 of %3").arg(capitalized, QString::number(i + 1), QString::number(texts.size())));
    const QList<CodeBlockView*> blocks = findChildren<CodeBlockView*>();
    for (qsizetype i = 0; i < blocks.size(); ++i)
        blocks.at(i)->setSubject(tr("code block %1 of %2").arg(QString::number(i + 1), s));
}

QStringView MessageWidget::partText() const
{
    const QStringView all(m_message.content);
    const qsizetype start = qBound(qsizetype(0), m_part.start, all.size());
    const qsizetype end = m_part.end < 0 ? all.size() : qBound(start, m_part.end, all.size());
    return all.sliced(start, end - start);
}

void MessageWidget::build()
{
    m_layout = new QVBoxLayout(this);
    // The transcript sets this widget's geometry from heightForWidth(); a minimum size from the layout would make
    // every growth of a streaming answer lay its text out again at the layout's minimum and preferred widths.
    m_layout->setSizeConstraint(QLayout::SetNoConstraint);
    // Parts of one long message sit flush against each other, so they read as one message.
    m_layout->setContentsMargins(14, m_part.first ? 8 : 0, 14, m_part.last ? 8 : 0);
    m_layout->setSpacing(4);
    if (!m_part.first) {
        buildBody();
        buildToolCalls();
        buildStatus();
        return;
    }

    auto* header = new QHBoxLayout;
    header->setSpacing(4);
    const bool user = m_message.role == MessageRole::User;
    QString who = user ? tr("You") : m_message.stats.requestedModel;
    if (!user && !m_actions.anonymousAuthor.isEmpty())
        who = m_actions.anonymousAuthor;
    if (!user && who.isEmpty())
        who = tr("Assistant");
    auto* title = new QLabel(who, this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    header->addWidget(title);
    m_stateLabel = new QLabel(stateText(m_message.state), this);
    m_stateLabel->setObjectName(u"messageState"_s);
    m_stateLabel->setForegroundRole(m_message.state == MessageState::Streaming ? QPalette::PlaceholderText
                                                                               : QPalette::Link);
    m_stateLabel->setVisible(!m_stateLabel->text().isEmpty());
    header->addWidget(m_stateLabel);
    header->addStretch();
    if (m_branch.count > 1) {
        QToolButton* previous = addAction(u"previousBranch"_s, u"‹"_s, tr("Previous version"));
        previous->setEnabled(m_branch.index > 0);
        connect(previous, &QToolButton::clicked, this, [this] { emit branchStepRequested(m_message.id, -1); });
        header->addWidget(previous);
        auto* position = new QLabel(tr("%1 / %2").arg(m_branch.index + 1).arg(m_branch.count), this);
        position->setObjectName(u"branchPosition"_s);
        header->addWidget(position);
        QToolButton* next = addAction(u"nextBranch"_s, u"›"_s, tr("Next version"));
        next->setEnabled(m_branch.index + 1 < m_branch.count);
        connect(next, &QToolButton::clicked, this, [this] { emit branchStepRequested(m_message.id, +1); });
        header->addWidget(next);
    }
    QToolButton* copy = addAction(u"copyMessage"_s, tr("Copy"), tr("Copy this message as Markdown"));
    connect(copy, &QToolButton::clicked, this, &MessageWidget::copyMessage);
    header->addWidget(copy);
    if (user && m_actions.edit) {
        QToolButton* edit = addAction(u"editMessage"_s, tr("Edit"), tr("Edit and resend (keeps the original as a version)"));
        connect(edit, &QToolButton::clicked, this, [this] { emit editRequested(m_message.id); });
        header->addWidget(edit);
    } else if (!user && m_message.state != MessageState::Streaming) {
        QToolButton* again = addAction(u"regenerateMessage"_s, tr("Regenerate"), tr("Ask for this answer again"));
        connect(again, &QToolButton::clicked, this, [this] { emit regenerateRequested(m_message.id); });
        header->addWidget(again);
    }
    m_layout->addLayout(header);

    buildReasoning();
    buildBody();
    buildToolCalls();
    buildStatus();
}

void MessageWidget::buildReasoning()
{
    if (m_message.role != MessageRole::Assistant)
        return;
    m_reasoningToggle = addAction(u"reasoningToggle"_s, tr("▸ Thinking"), tr("Show or hide the model's reasoning"));
    m_reasoningToggle->setCheckable(true);
    m_reasoningView = new MarkdownView(this);
    m_reasoningView->setObjectName(u"reasoningText"_s);
    m_reasoningView->setForegroundRole(QPalette::PlaceholderText);
    m_reasoningView->setPlain(m_message.reasoning);
    m_reasoningView->setVisible(false);
    m_reasoningToggle->setVisible(!m_message.reasoning.isEmpty());
    connect(m_reasoningToggle, &QToolButton::toggled, this, [this](bool on) {
        m_reasoningToggle->setText(on ? tr("▾ Thinking") : tr("▸ Thinking"));
        m_reasoningView->setVisible(on);
        updateGeometry();
        emit heightChanged();
    });
    connect(m_reasoningView, &MarkdownView::contentHeightChanged, this, [this] {
        if (m_reasoningView->isVisible())
            emit heightChanged();
    });
    m_layout->addWidget(m_reasoningToggle, 0, Qt::AlignLeft);
    m_layout->addWidget(m_reasoningView);
}

void MessageWidget::buildBody()
{
    m_body = new QWidget(this);
    auto* layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_layout->addWidget(m_body);
    const bool streaming = m_message.state == MessageState::Streaming && m_part.last;
    if (streaming || m_message.role == MessageRole::User) {
        // Plain while streaming (appends only); the user's own text is shown as typed.
        m_streamView = new MarkdownView(m_body);
        m_streamView->setObjectName(u"messageText"_s);
        m_streamView->setPlain(partText().toString());
        connect(m_streamView, &MarkdownView::contentHeightChanged, this, &MessageWidget::heightChanged);
        layout->addWidget(m_streamView);
        return;
    }
    for (const MarkdownBlock& block : splitMarkdownBlocks(partText())) {
        if (block.kind == MarkdownBlock::Kind::Code) {
            layout->addWidget(new CodeBlockView(block.text, block.language, m_body));
            continue;
        }
        auto* prose = new MarkdownView(m_body);
        prose->setObjectName(u"messageText"_s);
        prose->setMarkdownText(block.text);
        connect(prose, &MarkdownView::contentHeightChanged, this, &MessageWidget::heightChanged);
        layout->addWidget(prose);
    }
}

void MessageWidget::buildToolCalls()
{
    delete m_toolCalls;
    m_toolCalls = nullptr;
    if (!m_part.last)
        return;
    const QJsonArray calls = QJsonDocument::fromJson(m_message.toolCallsJson.toUtf8()).array();
    if (calls.isEmpty())
        return;
    m_toolCalls = new QWidget(this);
    auto* layout = new QVBoxLayout(m_toolCalls);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QJsonValue& value : calls) {
        const QJsonObject call = value.toObject();
        const QString arguments = call.value(u"arguments"_s).toString();
        const QJsonDocument parsed = QJsonDocument::fromJson(arguments.toUtf8());
        const QString pretty = parsed.isNull() ? arguments : QString::fromUtf8(parsed.toJson(QJsonDocument::Indented)).trimmed();
        auto* block = new CodeBlockView(pretty, tr("tool call: %1").arg(call.value(u"name"_s).toString()), m_toolCalls);
        block->setObjectName(u"toolCall"_s);
        block->setToolTip(call.value(u"id"_s).toString());
        layout->addWidget(block);
    }
    m_layout->insertWidget(m_layout->indexOf(m_body) + 1, m_toolCalls);
}

void MessageWidget::buildStatus()
{
    if (m_message.role != MessageRole::Assistant || m_message.state == MessageState::Streaming || !m_part.last)
        return;
    const AnswerStats& s = m_message.stats;
    if (m_message.state != MessageState::Complete) {
        auto* banner = new QFrame(this);
        banner->setObjectName(u"errorBanner"_s);
        banner->setFrameShape(QFrame::StyledPanel);
        auto* row = new QHBoxLayout(banner);
        row->setContentsMargins(8, 4, 4, 4);
        QString text;
        if (m_message.state == MessageState::Failed)
            text = !s.errorMessage.isEmpty() ? s.errorMessage // "rate_limited (HTTP 429): …": class first
                   : s.errorClass.isEmpty()  ? tr("The answer failed.")
                                             : s.errorClass;
        else if (m_message.state == MessageState::Stopped)
            text = tr("Stopped. The text above is what arrived.");
        else
            text = tr("Interrupted: Juxta stopped while this answer was streaming. The text above is what was saved.");
        auto* label = new QLabel(text, banner);
        label->setObjectName(u"errorText"_s);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(label, 1);
        QToolButton* retry = addAction(u"retryAnswer"_s, tr("Retry"), tr("Ask the same model again"));
        retry->setParent(banner);
        connect(retry, &QToolButton::clicked, this, [this] { emit regenerateRequested(m_message.id); });
        row->addWidget(retry);
        if (m_actions.anotherModel) {
            QToolButton* other = addAction(u"tryAnotherModel"_s, tr("Try another model…"),
                                           tr("Pick another model for this answer"));
            other->setParent(banner);
            connect(other, &QToolButton::clicked, this, [this] { emit anotherModelRequested(m_message.id); });
            row->addWidget(other);
        }
        m_layout->addWidget(banner);
    }
    QString figures = m_actions.anonymousAuthor.isEmpty() ? answerFiguresLine(s) : QString(); // names a model
    if (!s.fallbackNotes.isEmpty() && m_actions.anonymousAuthor.isEmpty())
        figures += u'\n' + tr("Before: %1").arg(s.fallbackNotes.join(u"; "_s));
    if (!figures.isEmpty()) {
        auto* footer = new QLabel(figures, this);
        footer->setObjectName(u"answerFigures"_s);
        footer->setTextFormat(Qt::PlainText);
        footer->setWordWrap(true); // a narrow window wraps the figures instead of cutting them at the edge
        footer->setToolTip(figures);
        // A screen reader reads words, not "TTFT" and "·": the same figures as sentences, also as the answer's
        // description so they are heard with it.
        QString spoken = answerFiguresSpoken(s);
        if (!s.fallbackNotes.isEmpty())
            spoken += u' ' + tr("Before: %1.").arg(s.fallbackNotes.join(u"; "_s));
        footer->setAccessibleName(spoken);
        setAccessibleDescription(spoken);
        footer->setForegroundRole(QPalette::PlaceholderText);
        footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont small = footer->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        footer->setFont(small);
        m_layout->addWidget(footer);
    }
}

void MessageWidget::appendText(QStringView text)
{
    m_message.content += text;
    if (m_streamView)
        m_streamView->appendPlain(text);
}

void MessageWidget::setLiveExtras(const QString& reasoning, const QString& toolCallsJson)
{
    if (!m_part.first && !m_part.last)
        return;
    if (m_reasoningView && reasoning.size() != m_message.reasoning.size()) {
        // Reasoning arrives before the answer and stays collapsed: only its tail is appended.
        m_reasoningView->appendPlain(QStringView(reasoning).sliced(qMin(m_message.reasoning.size(), reasoning.size())));
        m_message.reasoning = reasoning;
        m_reasoningToggle->setVisible(true);
    }
    if (toolCallsJson != m_message.toolCallsJson) {
        m_message.toolCallsJson = toolCallsJson;
        buildToolCalls();
        nameControls();
        emit heightChanged();
    }
}

bool MessageWidget::isReasoningExpanded() const
{
    return m_reasoningToggle && m_reasoningToggle->isChecked();
}

int MessageWidget::heightForWidth(int width) const
{
    return layout()->totalHeightForWidth(width);
}

void MessageWidget::copyMessage()
{
    emit copyRequested(m_message.id); // the transcript has the whole text; this row may hold only a part
}

} // namespace juxta
