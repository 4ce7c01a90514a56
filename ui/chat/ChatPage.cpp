// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ChatPage.h"

#include "answer/AnswerEngine.h"
#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "chat/AnswerStreamer.h"
#include "chat/ChatSession.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "chat/ConversationSidebar.h"
#include "chat/TranscriptView.h"
#include "common/BudgetDialog.h"
#include "common/FrameTicker.h"
#include "config/ConfigStore.h"
#include "report/ExportDialog.h"
#include "storage/HistoryService.h"

#include <QEvent>
#include <QLocale>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

ChatPage::ChatPage(ConfigStore& config, AnswerEngine& engine, CatalogService& catalog, HistoryService& history,
                   ModelPicker& picker, QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_picker(picker)
    , m_session(new ChatSession(engine, history, this))
    , m_ticker(new FrameTicker(this))
{
    setObjectName(u"chatPage"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"chatSplitter"_s);
    m_splitter->setChildrenCollapsible(true);
    layout->addWidget(m_splitter);

    m_sidebar = new ConversationSidebar(m_splitter);
    auto* centre = new QWidget(m_splitter);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_transcript = new TranscriptView(centre);
    centreLayout->addWidget(m_transcript, 1);
    m_composer = new Composer(centre);
    centreLayout->addWidget(m_composer);
    m_settings = new ChatSettingsPanel(m_config.config(), m_catalog.catalog(), m_splitter);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_settings);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({230, 640, 260});

    m_estimateDelay = new QTimer(this);
    m_estimateDelay->setSingleShot(true);
    m_estimateDelay->setInterval(150);
    connect(m_estimateDelay, &QTimer::timeout, this, &ChatPage::updateEstimate);

    connect(m_composer, &Composer::sendRequested, this, &ChatPage::send);
    connect(m_composer, &Composer::stopRequested, this, &ChatPage::stop);
    connect(m_composer, &Composer::editLastRequested, this, &ChatPage::editLastMessage);
    connect(m_composer, &Composer::editCancelled, this, [this] { m_editing = false; });
    connect(m_composer, &Composer::textEdited, m_estimateDelay, qOverload<>(&QTimer::start));
    connect(m_transcript, &TranscriptView::editRequested, this, &ChatPage::editMessage);
    connect(m_transcript, &TranscriptView::regenerateRequested, this, &ChatPage::regenerate);
    connect(m_transcript, &TranscriptView::branchStepRequested, this, &ChatPage::stepBranch);
    connect(m_transcript, &TranscriptView::anotherModelRequested, this, [this](const QString& id) {
        m_anotherModelFor = id;
        m_picker.showPopup();
    });
    m_picker.popup()->installEventFilter(this); // a dismissed "Try another model…" must not linger
    connect(&m_picker, &ModelPicker::modelChosen, this, [this](const QString& reference) {
        const QString pending = std::exchange(m_anotherModelFor, QString());
        updateReasoningAvailability();
        m_session->saveSettings(currentSettings());
        m_estimateDelay->start();
        if (!pending.isEmpty())
            regenerateWith(pending, reference);
    });
    connect(m_settings, &ChatSettingsPanel::changed, this, [this] {
        m_session->saveSettings(currentSettings());
        m_estimateDelay->start();
    });
    connect(m_sidebar, &ConversationSidebar::conversationChosen, this, &ChatPage::openConversation);
    connect(m_sidebar, &ConversationSidebar::newConversationRequested, this, &ChatPage::newConversation);
    connect(m_sidebar, &ConversationSidebar::searchChanged, this, &ChatPage::refreshList);
    connect(m_sidebar, &ConversationSidebar::deleteRequested, this, &ChatPage::deleteConversation);
    connect(m_sidebar, &ConversationSidebar::renameRequested, m_session, &ChatSession::rename);
    connect(m_sidebar, &ConversationSidebar::pinRequested, this, [this](const QString& id, bool pinned) {
        m_session->setPinned(id, pinned);
        refreshList();
    });
    connect(m_session, &ChatSession::conversationShown, this, &ChatPage::onConversationShown);
    connect(m_session, &ChatSession::conversationSaved, this, [this](const ConversationRecord& record) {
        m_sidebar->updateConversation(record);
        m_sidebar->setCurrent(record.id);
    });
    connect(m_session, &ChatSession::busyChanged, m_composer, &Composer::setBusy);
    connect(m_session, &ChatSession::problems, this, [this](const QString& text) { emit statusMessage(text, 8000); });
    connect(m_session, &ChatSession::budgetExceeded, this, [this](const BudgetVerdict& verdict) {
        showBudgetVerdict(this, verdict, {}, [this] { m_session->sendAnyway(); });
    });
    connect(m_session, &ChatSession::questionSent, this, &ChatPage::onQuestionSent);
    connect(m_session, &ChatSession::answerStarted, this, &ChatPage::onAnswerStarted);
    connect(m_session, &ChatSession::answerFinished, this, &ChatPage::onAnswerFinished);
    connect(&history, &HistoryService::opened, this, &ChatPage::onHistoryOpened);
    connect(&history, &HistoryService::writeFailed, this, [this](const QString& error) {
        emit statusMessage(tr("Could not save to the history: %1").arg(error), 0);
    });
    refreshList();
    newConversation();
}

bool ChatPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_picker.popup() && event->type() == QEvent::Hide) {
        // After the choice (if any) has been handled in this same turn of the event loop.
        QTimer::singleShot(0, this, [this] { m_anotherModelFor.clear(); });
    }
    return QWidget::eventFilter(watched, event);
}

ChatPage::~ChatPage() = default; // the session, a child, saves a streaming answer as stopped

QString ChatPage::currentConversationId() const
{
    return m_session->conversation().id;
}

void ChatPage::onHistoryOpened(const HistoryOpenReport& report)
{
    if (!report.error.isEmpty()) {
        QString text = report.persistent ? report.error
                                         : tr("%1.\n\nUntil this is resolved, conversations are kept in memory only and "
                                              "are lost when Juxta closes.").arg(report.error);
        if (!report.notes.isEmpty())
            text += u"\n\n"_s + report.notes.join(u"\n"_s);
        emit historyProblem(text);
    } else if (!report.notes.isEmpty()) {
        emit statusMessage(report.notes.join(u"; "_s), 8000);
    }
}

void ChatPage::refreshList()
{
    m_session->list(m_sidebar->searchText(), this, [this](const QList<ConversationRecord>& list) {
        m_sidebar->setConversations(list);
        m_sidebar->setCurrent(currentConversationId());
        emit listRefreshed();
    });
}

void ChatPage::resetView()
{
    m_anotherModelFor.clear();
    m_editing = false;
    m_composer->setEditing({});
}

void ChatPage::newConversation()
{
    m_session->newConversation();
    resetView();
    m_transcript->setMessages({}, {});
    m_sidebar->setCurrent({});
    m_composer->editor()->setFocus();
    updateReasoningAvailability();
    updateEstimate();
}

void ChatPage::updateReasoningAvailability()
{
    // Known models say whether they reason; for models the catalog has no figures on, the choice stays open.
    const std::optional<ProfileModel> named = profileModelOf(m_config.config(), m_picker.currentModel());
    if (!named) {
        m_settings->setReasoningAvailable(true);
        return;
    }
    const CatalogEntry entry = m_catalog.catalog().entry(named->profile, named->modelId);
    m_settings->setReasoningAvailable(entry.reasoning || !entry.contextWindow);
}

void ChatPage::openConversation(const QString& id)
{
    m_session->open(id);
}

void ChatPage::onConversationShown()
{
    resetView();
    const ConversationRecord& record = m_session->conversation();
    const ChatSettings settings = ChatSettings::fromJson(record.settingsJson);
    m_settings->setSettings(settings);
    if (!settings.model.isEmpty())
        m_picker.setCurrentModel(settings.model);
    showPath(m_session->leafId());
    m_sidebar->setCurrent(record.id);
    updateReasoningAvailability();
    emit conversationOpened(record.id);
    updateEstimate();
}

QList<BranchPosition> ChatPage::branchesOf(const QList<MessageRecord>& path) const
{
    QList<BranchPosition> out;
    out.reserve(path.size());
    for (const MessageRecord& m : path)
        out.append(branchOf(m.id));
    return out;
}

BranchPosition ChatPage::branchOf(const QString& messageId) const
{
    return branchPositionOf(m_session->tree(), messageId);
}

void ChatPage::showPath(const QString& leafId)
{
    m_session->showLeaf(leafId);
    const QList<MessageRecord> path = m_session->shownPath();
    m_transcript->setMessages(path, branchesOf(path));
}

ChatSettings ChatPage::currentSettings() const
{
    return m_settings->settings(m_picker.currentModel());
}

void ChatPage::send(const QString& text)
{
    if (m_session->isAnswering() || text.trimmed().isEmpty())
        return;
    if (m_picker.currentModel().isEmpty()) {
        emit statusMessage(tr("Pick a model first."), 5000);
        m_picker.showPopup();
        return;
    }
    m_branching = m_editing;
    const QString parent = m_editing ? m_editParentId : m_session->leafId();
    m_session->send(text, parent, currentSettings());
}

void ChatPage::onQuestionSent(const MessageRecord& question)
{
    // Sent (past the budget guard): the composer starts afresh.
    m_editing = false;
    m_composer->setEditing({});
    m_composer->setText({});
    if (m_branching)
        showPath(question.id);
    else
        m_transcript->appendMessage(question, branchOf(question.id));
}

void ChatPage::onAnswerStarted(const MessageRecord& answer, AnswerRun* run)
{
    const int last = m_transcript->count() - 1;
    if (last >= 0 && m_transcript->message(last).id == answer.parentId)
        m_transcript->appendMessage(answer, branchOf(answer.id));
    else
        showPath(answer.id); // a regeneration: the new version replaces the old one on screen
    m_streamer = new AnswerStreamer(*run, *m_transcript, *m_ticker, this);
}

void ChatPage::onAnswerFinished(const MessageRecord& answer)
{
    if (m_streamer)
        m_streamer->deleteLater();
    m_streamer = nullptr;
    if (answer.conversationId == currentConversationId()) { // else: stopped because another conversation opened
        const int index = m_transcript->indexOf(answer.id);
        if (index >= 0)
            m_transcript->replaceMessage(index, answer, branchOf(answer.id));
        else
            showPath(answer.id); // failed before it was sent: shown like any failed answer
        updateEstimate();
    }
    emit answerFinished(answer);
}

void ChatPage::stop()
{
    m_session->stop();
}

void ChatPage::regenerate(const QString& answerId)
{
    regenerateWith(answerId, m_picker.currentModel());
}

void ChatPage::regenerateWith(const QString& answerId, const QString& model)
{
    if (m_session->isAnswering() || model.isEmpty() || !m_session->tree().find(answerId))
        return;
    if (m_picker.currentModel() != model)
        m_picker.setCurrentModel(model);
    ChatSettings settings = currentSettings();
    settings.model = model;
    m_session->regenerate(answerId, settings);
}

void ChatPage::editMessage(const QString& userMessageId)
{
    const MessageRecord* message = m_session->tree().find(userMessageId);
    if (!message || message->role != MessageRole::User || m_session->run())
        return;
    m_editing = true;
    m_editParentId = message->parentId;
    m_composer->setText(message->content);
    m_composer->setEditing(tr("Editing an earlier message: sending makes a new version and keeps the original. "
                              "Esc cancels."));
    m_composer->editor()->setFocus();
}

void ChatPage::editLastMessage()
{
    for (int i = m_transcript->count() - 1; i >= 0; --i) {
        if (m_transcript->message(i).role == MessageRole::User) {
            editMessage(m_transcript->message(i).id);
            return;
        }
    }
}

void ChatPage::stepBranch(const QString& messageId, int step)
{
    const QString sibling = m_session->stepBranch(messageId, step);
    if (sibling.isEmpty())
        return;
    showPath(m_session->leafId());
    m_transcript->scrollToMessage(m_transcript->indexOf(sibling));
}

void ChatPage::deleteConversation(const QString& id)
{
    if (id.isEmpty())
        return;
    const bool shown = id == currentConversationId();
    m_session->remove(id);
    if (shown)
        newConversation();
    refreshList();
    emit undoAvailable(tr("Conversation deleted."));
}

void ChatPage::undoDelete()
{
    const QString id = m_session->undoRemove();
    if (id.isEmpty())
        return;
    refreshList();
    openConversation(id);
}

void ChatPage::exportConversation(const QString& id, const QString& path, const QString& format)
{
    const ConversationFormat kind = format == u"md"_s ? ConversationFormat::Markdown : ConversationFormat::Json;
    m_session->exportConversation(id, path, kind, this, [this, path](const ChatSession::ExportResult& outcome) {
        emit statusMessage(outcome.first ? tr("Exported to %1").arg(path)
                                         : tr("Could not export to %1: %2").arg(path, outcome.second),
                           6000);
        emit exported(path, outcome.first);
    });
}

void ChatPage::openExportDialog(const QString& id)
{
    if (id.isEmpty())
        return;
    const QString title = id == m_session->conversation().id ? m_session->conversation().title : tr("Conversation");
    auto* dialog = new ExportDialog(ReportKind::Conversation, title,
                                    {{tr("Juxta conversation — lossless JSON, every branch, re-importable"), u"json"_s, u"json"_s},
                                     {tr("Conversation as Markdown — the shown branch, re-importable"), u"md"_s, u"md"_s}},
                                    this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportRequested, this, [this, id, dialog](const ExportDialog::Choice& choice) {
        if (!choice.report) {
            const ConversationFormat kind = choice.lossless == u"md"_s ? ConversationFormat::Markdown : ConversationFormat::Json;
            m_session->exportConversation(id, choice.path, kind, dialog,
                                          [dialog, path = choice.path](const ChatSession::ExportResult& outcome) {
                                              outcome.first ? dialog->showWritten({path}) : dialog->showFailed(outcome.second);
                                          });
            return;
        }
        m_session->writeReport(id, choice.options, *choice.report, choice.path, dialog,
                               [dialog](const ReportWriteResult& result) { dialog->showResult(result); });
    });
    dialog->open();
}

void ChatPage::importConversation(const QString& path)
{
    m_session->importConversation(path, this, [this, path](const ConversationImport& result) {
        const ImportedConversation& in = result.imported;
        if (!result.stored) {
            emit statusMessage(tr("Could not import %1: %2").arg(path, in.error), 0);
            emit imported(QString(), {in.error});
            return;
        }
        refreshList();
        m_session->show(*in.conversation);
        emit statusMessage(in.warnings.isEmpty() ? tr("Imported “%1”.").arg(in.conversation->record.title)
                                                 : tr("Imported with warnings: %1").arg(in.warnings.join(u"; "_s)),
                           8000);
        emit imported(in.conversation->record.id, in.warnings);
    });
}

bool ChatPage::isStreaming() const
{
    return m_session->run() != nullptr;
}

void ChatPage::setSettingsPanelVisible(bool visible)
{
    m_settings->setVisible(visible);
}

bool ChatPage::isSettingsPanelVisible() const
{
    return !m_settings->isHidden();
}

void ChatPage::updateEstimate()
{
    QString text;
    QList<QString> texts;
    for (int i = 0; i < m_transcript->count(); ++i)
        texts.append(m_transcript->message(i).content);
    texts.append(m_composer->text());
    if (const std::optional<SendEstimate> e = m_engine.estimate(currentSettings(), texts)) {
        text = tr("Next send: ≈ %1 tokens in").arg(QLocale().toString(e->promptTokens));
        if (e->contextWindow && e->promptTokens > *e->contextWindow)
            text += tr(" (over the model's %1-token context)").arg(QLocale().toString(*e->contextWindow));
        if (!e->cost)
            text += u", "_s + tr("price unknown");
        else if (e->cost->max)
            text += u", "_s + tr("%1–%2").arg(formatMoney(e->cost->min, e->cost->currency),
                                              formatMoney(*e->cost->max, e->cost->currency));
        else
            text += u", "_s + tr("from %1").arg(formatMoney(e->cost->min, e->cost->currency));
    }
    const double spent = m_session->conversation().totalCostUsd;
    if (spent > 0) {
        const QString total = tr("This conversation: %1").arg(formatMoney(spent, u"USD"_s));
        text = text.isEmpty() ? total : text + u"   ·   "_s + total;
    }
    m_composer->setEstimate(text);
}

} // namespace juxta
