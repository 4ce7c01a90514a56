// SPDX-License-Identifier: GPL-3.0-or-later
// About 600 lines, over the house budget on purpose: this is the chat's one controller, and splitting the list
// operations from the sending would only move the shared state (conversation, tree, streamer) between objects.
// Everything with logic of its own already lives elsewhere: request building and estimates, files, the message
// tree (core/chat), streaming into the view (AnswerStreamer), the virtual transcript (TranscriptView).
#include "chat/ChatPage.h"

#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "catalog/ModelRef.h"
#include "chat/AnswerStreamer.h"
#include "chat/ChatRequestBuilder.h"
#include "chat/ChatSettings.h"
#include "chat/ChatSettingsPanel.h"
#include "chat/Composer.h"
#include "chat/ConversationFiles.h"
#include "chat/ConversationSidebar.h"
#include "chat/ConversationTitle.h"
#include "chat/TargetResolver.h"
#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"
#include "config/ConfigStore.h"
#include "pricing/BudgetGuard.h"
#include "pricing/CostCalculator.h"
#include "storage/HistoryService.h"

#include <QEvent>
#include <QLocale>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

} // namespace

ChatPage::ChatPage(ConfigStore& config, SecretStore& secrets, QNetworkAccessManager& network, CatalogService& catalog,
                   HistoryService& history, ModelPicker& picker, QWidget* parent)
    : QWidget(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_network(network)
    , m_catalog(catalog)
    , m_history(history)
    , m_picker(picker)
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
        saveSettings();
        m_estimateDelay->start();
        if (!pending.isEmpty())
            regenerateWith(pending, reference);
    });
    connect(m_settings, &ChatSettingsPanel::changed, this, [this] {
        saveSettings();
        m_estimateDelay->start();
    });
    connect(m_sidebar, &ConversationSidebar::conversationChosen, this, &ChatPage::openConversation);
    connect(m_sidebar, &ConversationSidebar::newConversationRequested, this, &ChatPage::newConversation);
    connect(m_sidebar, &ConversationSidebar::searchChanged, this, &ChatPage::refreshList);
    connect(m_sidebar, &ConversationSidebar::deleteRequested, this, &ChatPage::deleteConversation);
    connect(m_sidebar, &ConversationSidebar::renameRequested, this, [this](const QString& id, const QString& title) {
        if (title.isEmpty())
            return;
        m_history.write([id, title](ConversationStore& store) { return store.renameConversation(id, title); });
        if (id == m_conversation.id)
            m_conversation.title = title;
    });
    connect(m_sidebar, &ConversationSidebar::pinRequested, this, [this](const QString& id, bool pinned) {
        m_history.write([id, pinned](ConversationStore& store) { return store.setPinned(id, pinned); });
        refreshList();
    });
    connect(&m_history, &HistoryService::opened, this, &ChatPage::onHistoryOpened);
    connect(&m_history, &HistoryService::writeFailed, this, [this](const QString& error) {
        emit statusMessage(tr("Could not save to the history: %1").arg(error), 0);
    });
    m_history.write([](ConversationStore& store) {
        store.purgeDeleted(); // deleted in an earlier session: the undo window is over
        return true;
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

ChatPage::~ChatPage()
{
    // A streaming answer is saved as stopped by its recorder; the history service outlives this page.
    delete m_streamer.data();
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
    const QString search = m_sidebar->searchText();
    m_history.read<QList<ConversationRecord>>(
        [search](ConversationStore& store) { return store.listConversations(search); }, this,
        [this](const QList<ConversationRecord>& list) {
            m_sidebar->setConversations(list);
            m_sidebar->setCurrent(m_conversation.id);
            emit listRefreshed();
        });
}

void ChatPage::newConversation()
{
    stop();
    ++m_generation;
    m_anotherModelFor.clear();
    m_conversation = ConversationRecord();
    m_tree = ConversationTree();
    m_leafId.clear();
    m_editing = false;
    m_composer->setEditing({});
    m_transcript->setMessages({}, {});
    m_sidebar->setCurrent({});
    m_composer->editor()->setFocus();
    updateReasoningAvailability();
    updateEstimate();
}

void ChatPage::updateReasoningAvailability()
{
    // Known models say whether they reason; for models the catalog has no figures on, the choice stays open.
    const std::optional<ModelRef> ref = ModelRef::parse(m_picker.currentModel());
    QString error;
    const std::optional<ProviderProfile> profile = ref ? findProfile(m_config.config(), ref->profileId, error)
                                                       : std::nullopt;
    if (!profile) {
        m_settings->setReasoningAvailable(true);
        return;
    }
    const CatalogEntry entry = m_catalog.catalog().entry(*profile, ref->modelId);
    m_settings->setReasoningAvailable(entry.reasoning || !entry.contextWindow);
}

void ChatPage::openConversation(const QString& id)
{
    if (id.isEmpty() || id == m_conversation.id)
        return;
    m_history.read<std::optional<Conversation>>(
        [id](ConversationStore& store) { return store.loadConversation(id); }, this,
        [this](const std::optional<Conversation>& c) {
            if (c)
                showConversation(c->record, c->messages);
        });
}

void ChatPage::showConversation(const ConversationRecord& record, const QList<MessageRecord>& messages)
{
    stop(); // one answer at a time, in the conversation on screen; what arrived is kept as stopped
    ++m_generation;
    m_anotherModelFor.clear();
    m_conversation = record;
    m_tree = ConversationTree(messages);
    m_editing = false;
    m_composer->setEditing({});
    const ChatSettings settings = ChatSettings::fromJson(record.settingsJson);
    m_settings->setSettings(settings);
    if (!settings.model.isEmpty())
        m_picker.setCurrentModel(settings.model);
    const QString leaf = m_tree.leafOrLatest(record.currentLeafId);
    showPath(leaf);
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
    return branchPositionOf(m_tree, messageId);
}

void ChatPage::showPath(const QString& leafId)
{
    m_leafId = leafId;
    const QList<MessageRecord> path = leafId.isEmpty() ? QList<MessageRecord>() : m_tree.pathTo(leafId);
    m_transcript->setMessages(path, branchesOf(path));
}

ChatSettings ChatPage::currentSettings() const
{
    return m_settings->settings(m_picker.currentModel());
}

void ChatPage::saveSettings()
{
    if (m_conversation.id.isEmpty())
        return;
    m_conversation.settingsJson = currentSettings().toJson();
    const QString id = m_conversation.id;
    const QByteArray json = m_conversation.settingsJson;
    m_history.write([id, json](ConversationStore& store) { return store.saveSettings(id, json); });
}

void ChatPage::ensureConversation(const QString& firstMessage)
{
    if (!m_conversation.id.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_conversation.id = newRecordId();
    m_conversation.title = conversationTitleFor(firstMessage);
    m_conversation.createdAt = now;
    m_conversation.updatedAt = now;
    m_conversation.settingsJson = currentSettings().toJson();
    const ConversationRecord record = m_conversation;
    m_history.write([record](ConversationStore& store) { return store.createConversation(record); });
    m_sidebar->updateConversation(record);
    m_sidebar->setCurrent(record.id);
}

void ChatPage::send(const QString& text)
{
    if (m_streamer || m_resolving || text.trimmed().isEmpty())
        return;
    const QString model = m_picker.currentModel();
    if (model.isEmpty()) {
        emit statusMessage(tr("Pick a model first."), 5000);
        m_picker.showPopup();
        return;
    }
    ensureConversation(text);
    MessageRecord question;
    question.id = newRecordId();
    question.conversationId = m_conversation.id;
    question.parentId = m_editing ? m_editParentId : m_leafId;
    question.role = MessageRole::User;
    question.content = text;
    question.createdAt = QDateTime::currentDateTimeUtc();
    m_history.write([question](ConversationStore& store) { return store.saveMessage(question); });
    m_tree.upsert(question);
    const bool branched = m_editing;
    m_editing = false;
    m_composer->setEditing({});
    m_composer->setText({});
    if (branched) {
        showPath(question.id);
    } else {
        m_leafId = question.id;
        m_transcript->appendMessage(question, branchOf(question.id));
    }
    startAnswer(question.id, model);
}

void ChatPage::startAnswer(const QString& parentId, const QString& model)
{
    ChatSettings settings = currentSettings();
    settings.model = model;
    QStringList references{model};
    for (const QString& fallback : std::as_const(settings.fallbacks)) {
        if (!references.contains(fallback))
            references.append(fallback);
    }
    m_resolving = true;
    setBusy(true);
    const quint64 generation = m_generation;
    resolveTargets(m_config.config(), m_secrets, m_catalog.catalog(), references, this,
                   [this, parentId, model, settings, generation](const ResolvedTargets& resolved) {
        if (generation != m_generation)
            return; // stopped, or another conversation opened, while the keychain answered (stop() tidied up)
        m_resolving = false;
        if (resolved.targets.isEmpty()) {
            failWithoutCall(parentId, model, resolved.problems.join(u"; "_s));
            return;
        }
        if (!resolved.problems.isEmpty())
            emit statusMessage(resolved.problems.join(u"; "_s), 8000);

        const ChatRequest request = buildChatRequest(m_tree.pathTo(parentId), settings,
                                                     resolved.targets.constFirst().model);

        const MessageRecord answer = newAnswer(parentId, model, MessageState::Streaming);
        m_tree.upsert(answer);
        if (m_leafId == parentId) {
            m_leafId = answer.id;
            m_transcript->appendMessage(answer, branchOf(answer.id));
        } else {
            showPath(answer.id); // a regeneration: the new version replaces the old one on screen
        }
        const ModelCatalog& catalog = m_catalog.catalog();
        auto priceFor = [&catalog](const Target& t) { return catalog.entry(t.profile, t.model).price; };
        m_streamer = new AnswerStreamer({m_network, m_clock, m_scheduler, nullptr, nullptr}, m_history, *m_transcript,
                                        *m_ticker, answer, request, resolved.targets, priceFor, this);
        connect(m_streamer, &AnswerStreamer::finished, this, &ChatPage::onAnswerFinished);
        m_streamer->start();
    });
}

MessageRecord ChatPage::newAnswer(const QString& parentId, const QString& model, MessageState state) const
{
    MessageRecord answer;
    answer.id = newRecordId();
    answer.conversationId = m_conversation.id;
    answer.parentId = parentId;
    answer.role = MessageRole::Assistant;
    answer.state = state;
    answer.stats.requestedModel = model;
    answer.createdAt = QDateTime::currentDateTimeUtc();
    return answer;
}

void ChatPage::failWithoutCall(const QString& parentId, const QString& model, const QString& why)
{
    // Shown and kept like any failed answer, so Retry and "Try another model" are right there.
    MessageRecord answer = newAnswer(parentId, model, MessageState::Failed);
    answer.stats.errorClass = u"auth"_s;
    answer.stats.errorMessage = why;
    m_history.write([answer](ConversationStore& store) { return store.saveMessage(answer); });
    m_tree.upsert(answer);
    showPath(answer.id);
    setBusy(false);
    emit answerFinished(answer);
}

void ChatPage::onAnswerFinished(const MessageRecord& answer)
{
    if (answer.conversationId != m_conversation.id) { // stopped because another conversation was opened
        m_streamer->deleteLater();
        m_streamer = nullptr;
        setBusy(false);
        emit answerFinished(answer);
        return;
    }
    m_tree.upsert(answer);
    const int index = m_transcript->indexOf(answer.id);
    if (index >= 0)
        m_transcript->replaceMessage(index, answer, branchOf(answer.id));
    if (answer.stats.costUsd) {
        const double cost = *answer.stats.costUsd;
        m_conversation.totalCostUsd += cost;
        // The day's spending counts GUI answers too (the budget guard reads it); written off the UI thread.
        m_history.write([cost](ConversationStore&) {
            SpendLedger ledger(SpendLedger::defaultPath());
            ledger.record(cost);
            return true;
        });
    }
    m_conversation.updatedAt = QDateTime::currentDateTimeUtc();
    if (answer.conversationId == m_conversation.id)
        m_sidebar->updateConversation(m_conversation);
    m_streamer->deleteLater();
    m_streamer = nullptr;
    setBusy(false);
    updateEstimate();
    emit answerFinished(answer);
}

void ChatPage::stop()
{
    if (m_streamer) {
        m_streamer->stop();
    } else if (m_resolving) {
        // Stopped before it began (the keychain had not answered yet): nothing is sent.
        ++m_generation;
        m_resolving = false;
        setBusy(false);
    }
}

void ChatPage::regenerate(const QString& answerId)
{
    const QString model = m_picker.currentModel();
    regenerateWith(answerId, model);
}

void ChatPage::regenerateWith(const QString& answerId, const QString& model)
{
    const MessageRecord* answer = m_tree.find(answerId);
    if (!answer || m_streamer || m_resolving || model.isEmpty())
        return;
    const QString parent = answer->parentId;
    if (m_picker.currentModel() != model)
        m_picker.setCurrentModel(model);
    startAnswer(parent, model);
}

void ChatPage::editMessage(const QString& userMessageId)
{
    const MessageRecord* message = m_tree.find(userMessageId);
    if (!message || message->role != MessageRole::User || m_streamer)
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
    if (m_streamer)
        return;
    const QStringList siblings = m_tree.siblingsOf(messageId);
    const qsizetype target = siblings.indexOf(messageId) + step;
    if (target < 0 || target >= siblings.size())
        return;
    const QString leaf = m_tree.latestLeafUnder(siblings.at(target));
    showPath(leaf);
    const QString id = m_conversation.id;
    m_history.write([id, leaf](ConversationStore& store) { return store.setCurrentLeaf(id, leaf); });
    m_transcript->scrollToMessage(m_transcript->indexOf(siblings.at(target)));
}

void ChatPage::deleteConversation(const QString& id)
{
    if (id.isEmpty())
        return;
    m_history.write([id](ConversationStore& store) { return store.setDeleted(id, true); });
    m_lastDeleted = id;
    if (id == m_conversation.id)
        newConversation();
    refreshList();
    emit undoAvailable(tr("Conversation deleted."));
}

void ChatPage::undoDelete()
{
    const QString id = std::exchange(m_lastDeleted, QString());
    if (id.isEmpty())
        return;
    m_history.write([id](ConversationStore& store) { return store.setDeleted(id, false); });
    refreshList();
    openConversation(id);
}

void ChatPage::exportConversation(const QString& id, const QString& path, const QString& format)
{
    const QString leaf = id == m_conversation.id ? m_leafId : QString();
    const ConversationFormat kind = format == u"md"_s ? ConversationFormat::Markdown : ConversationFormat::Json;
    using Outcome = std::pair<bool, QString>;
    m_history.read<Outcome>(
        [id, path, kind, leaf](ConversationStore& store) {
            QString error;
            const bool ok = writeConversationFile(store, id, path, kind, leaf, error);
            return Outcome{ok, error};
        },
        this, [this, path](const Outcome& outcome) {
            emit statusMessage(outcome.first ? tr("Exported to %1").arg(path)
                                             : tr("Could not export to %1: %2").arg(path, outcome.second),
                               6000);
            emit exported(path, outcome.first);
        });
}

void ChatPage::importConversation(const QString& path)
{
    m_history.read<ConversationImport>(
        [path](ConversationStore& store) { return readConversationFile(store, path); }, this,
        [this, path](const ConversationImport& result) {
            const ImportedConversation& in = result.imported;
            if (!result.stored) {
                emit statusMessage(tr("Could not import %1: %2").arg(path, in.error), 0);
                emit imported(QString(), {in.error});
                return;
            }
            refreshList();
            showConversation(in.conversation->record, in.conversation->messages);
            emit statusMessage(in.warnings.isEmpty() ? tr("Imported “%1”.").arg(in.conversation->record.title)
                                                     : tr("Imported with warnings: %1").arg(in.warnings.join(u"; "_s)),
                               8000);
            emit imported(in.conversation->record.id, in.warnings);
        });
}

bool ChatPage::isStreaming() const
{
    return m_streamer != nullptr;
}

void ChatPage::setBusy(bool busy)
{
    m_composer->setBusy(busy);
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
    if (const std::optional<SendEstimate> e = estimateSend(m_config.config(), m_catalog.catalog(), currentSettings(), texts)) {
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
    if (m_conversation.totalCostUsd > 0) {
        const QString spent = tr("This conversation: %1").arg(formatMoney(m_conversation.totalCostUsd, u"USD"_s));
        text = text.isEmpty() ? spent : text + u"   ·   "_s + spent;
    }
    m_composer->setEstimate(text);
}

} // namespace juxta
