// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ProvidersDialog.h"

#include "common/Tones.h"
#include "catalog/CatalogService.h"
#include "common/BoundedRead.h"
#include "common/PlainTextLabels.h"
#include "config/ProviderPresets.h"
#include "keys/KeyChangeSet.h"
#include "keys/SecretHeaders.h"
#include "keys/SecretStore.h"
#include "providers/DetectedServersBanner.h"
#include "providers/ProfileEditor.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

struct PresetGroup
{
    const char* title;
    QStringList ids;
};

QList<PresetGroup> presetGroups()
{
    return {{QT_TRANSLATE_NOOP("juxta::ProvidersDialog", "Cloud providers"),
             {u"openai"_s, u"anthropic"_s, u"gemini"_s, u"gemini-openai"_s, u"deepseek"_s, u"mistral"_s, u"qwen"_s,
              u"xai"_s, u"groq"_s, u"together"_s, u"fireworks"_s, u"azure"_s}},
            {QT_TRANSLATE_NOOP("juxta::ProvidersDialog", "Routers and gateways"),
             {u"openrouter"_s, u"litellm"_s, u"portkey"_s}},
            {QT_TRANSLATE_NOOP("juxta::ProvidersDialog", "Servers on your machine"),
             {u"ollama"_s, u"lmstudio"_s, u"llamacpp"_s, u"vllm"_s}},
            {QT_TRANSLATE_NOOP("juxta::ProvidersDialog", "Other"), {u"custom"_s}}};
}

QString listText(const ProviderProfile& p)
{
    const QString host = p.baseUrl.port() > 0 ? u"%1:%2"_s.arg(p.baseUrl.host()).arg(p.baseUrl.port())
                                              : p.baseUrl.host();
    return p.displayName + u'\n' + p.id + u" · "_s + (host.isEmpty() ? u"—"_s : host);
}

} // namespace

ProvidersDialog::ProvidersDialog(ConfigStore& store, SecretStore& secrets, CatalogService& catalog, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_catalog(catalog)
    , m_list(new QListWidget(this))
    , m_editor(new ProfileEditor(secrets, catalog, this))
    , m_banner(new DetectedServersBanner(this))
    , m_status(new QLabel(this))
    , m_keyChanges(new KeyChangeSet(secrets, this))
{
    connect(m_keyChanges, &KeyChangeSet::finished, this, &ProvidersDialog::keysApplied);
    markRichText(m_status); // our colour markup around escaped messages
    m_store.reloadIfChanged(); // start from what is on disk now (the command line may have changed it)
    m_profiles = m_store.config().profiles;
    m_baseline = m_profiles;
    setWindowTitle(tr("Providers"));
    setAccessibleName(tr("Providers"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setMinimumWidth(220);
    m_list->setSpacing(2);
    m_list->setAlternatingRowColors(false);

    auto* add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a provider from a preset"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto* addMenu = new QMenu(add);
    for (const PresetGroup& group : presetGroups()) {
        addMenu->addSection(tr(group.title));
        for (const QString& id : group.ids) {
            const ProviderPreset* preset = findPreset(id);
            addMenu->addAction(preset->displayName, this, [this, id] { addFromPreset(id); });
        }
    }
    add->setMenu(addMenu);
    auto* duplicate = new QToolButton(this);
    duplicate->setText(tr("Duplicate"));
    auto* remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    auto* more = new QToolButton(this);
    more->setText(tr("Import/Export"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto* moreMenu = new QMenu(more);
    moreMenu->addAction(tr("Import profiles…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import profiles"), {}, tr("JSON (*.json)"));
        QString message;
        if (!path.isEmpty())
            importFrom(path, &message);
        m_status->setText(message);
    });
    moreMenu->addAction(tr("Export profiles (without keys)…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export profiles"), u"juxta-profiles.json"_s,
                                                          tr("JSON (*.json)"));
        QString message;
        if (!path.isEmpty())
            exportTo(path, &message);
        m_status->setText(message);
    });
    more->setMenu(moreMenu);
    connect(duplicate, &QToolButton::clicked, this, &ProvidersDialog::duplicateCurrent);
    connect(remove, &QToolButton::clicked, this, &ProvidersDialog::removeCurrent);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(duplicate);
    listButtons->addWidget(remove);
    listButtons->addStretch();
    listButtons->addWidget(more);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Profile settings"));
    scroll->setFrameShape(QFrame::NoFrame);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    connect(m_banner, &DetectedServersBanner::addRequested, this, &ProvidersDialog::addProfile);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(920, 640);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_switching)
            select(row);
    });
    connect(m_editor, &ProfileEditor::changed, this, [this] {
        commitEditor();
        const int row = m_list->currentRow();
        if (row >= 0 && row < m_profiles.size())
            m_list->item(row)->setText(listText(m_profiles[row]));
    });
    refreshList();
    select(m_profiles.isEmpty() ? -1 : 0);
}

void ProvidersDialog::refreshList()
{
    m_switching = true;
    m_list->clear();
    for (const ProviderProfile& p : std::as_const(m_profiles)) {
        auto* item = new QListWidgetItem(listText(p), m_list);
        item->setToolTip(p.baseUrl.toString());
    }
    const int row = int(std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                     [&](const ProviderProfile& p) { return p.id == m_currentId; })
                        - m_profiles.cbegin());
    m_list->setCurrentRow(row < m_profiles.size() ? row : -1);
    m_switching = false;
}

void ProvidersDialog::commitEditor()
{
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(),
                                 [&](const ProviderProfile& p) { return p.id == m_currentId; });
    if (it == m_profiles.end())
        return;
    ProviderProfile edited = m_editor->profile();
    m_idConflict.clear();
    if (edited.id != m_currentId) { // only new profiles may change id (keys are stored by id)
        const bool taken = std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                                       [&](const ProviderProfile& p) { return p.id == edited.id; });
        if (taken) {
            m_idConflict = edited.id; // keep the old id until the user picks a free one
            edited.id = m_currentId;
            m_status->setText(tr("Another profile already has the id “%1”.").arg(m_idConflict));
        } else {
            if (m_pendingKeys.contains(m_currentId))
                m_pendingKeys.insert(edited.id, m_pendingKeys.take(m_currentId));
            m_currentId = edited.id;
        }
    }
    *it = edited;
    if (const auto key = m_editor->pendingKey())
        m_pendingKeys.insert(m_currentId, *key);
    else
        m_pendingKeys.remove(m_currentId);
    if (m_editor->keyRemovalRequested())
        m_keysToRemove.insert(m_currentId);
    else
        m_keysToRemove.remove(m_currentId);
}

void ProvidersDialog::select(int row)
{
    if (row < 0 || row >= m_profiles.size()) {
        m_currentId.clear();
        m_editor->setEnabled(false);
        return;
    }
    m_currentId = m_profiles[row].id;
    m_editor->setEnabled(true);
    const QString id = m_currentId;
    m_editor->setProfile(m_profiles[row],
                         m_pendingKeys.contains(id) ? std::optional<QString>(m_pendingKeys.value(id)) : std::nullopt,
                         m_keysToRemove.contains(id));
    const bool saved = !m_removedIds.contains(id) && std::any_of(m_baseline.cbegin(), m_baseline.cend(),
                                                                 [&](const ProviderProfile& p) { return p.id == id; });
    m_editor->setIdEditable(!saved); // a saved profile's key is filed under its id
}

void ProvidersDialog::addProfile(ProviderProfile profile)
{
    commitEditor();
    profile.id = unusedProfileId(m_profiles, profile.id); // "openai-2" taken: "openai-3", not "openai-2-2"
    m_profiles.append(profile);
    m_currentId = profile.id;
    refreshList();
    select(int(m_profiles.size() - 1));
}

void ProvidersDialog::addFromPreset(const QString& presetId)
{
    if (const ProviderPreset* preset = findPreset(presetId))
        addProfile(profileFromPreset(*preset));
}

void ProvidersDialog::duplicateCurrent()
{
    commitEditor();
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    ProviderProfile copy = m_profiles[row];
    copy.displayName = tr("%1 (copy)").arg(copy.displayName);
    addProfile(copy);
}

void ProvidersDialog::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    const QString id = m_profiles[row].id;
    m_profiles.removeAt(row);
    m_pendingKeys.remove(id);
    m_keysToRemove.remove(id);
    if (std::any_of(m_baseline.cbegin(), m_baseline.cend(), [&](const ProviderProfile& p) { return p.id == id; }))
        m_removedIds.insert(id); // its key is removed on save, even if a new profile takes the id
    m_currentId = m_profiles.isEmpty() ? QString() : m_profiles[std::min<qsizetype>(row, m_profiles.size() - 1)].id;
    refreshList();
    select(m_list->currentRow());
    m_status->setText(tr("Removed %1. Cancel to undo.").arg(id));
}

bool ProvidersDialog::importFrom(const QString& path, QString* message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString error;
    QStringList warnings;
    const std::optional<QByteArray> bytes = readAtMost(file, kMaxProfilesImportBytes, error);
    const auto imported = bytes ? importProfiles(*bytes, &error, &warnings) : std::nullopt;
    if (!imported) {
        *message = tr("Nothing imported: %1").arg(error);
        return false;
    }
    for (const ProviderProfile& p : *imported)
        addProfile(p);
    *message = imported->size() == 1 ? tr("Imported 1 profile.") : tr("Imported %1 profiles.").arg(imported->size());
    if (!warnings.isEmpty())
        *message += u' ' + warnings.join(u' ');
    return true;
}

bool ProvidersDialog::exportTo(const QString& path, QString* message) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportProfiles(m_profiles)) < 0 || !file.commit()) {
        *message = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    *message = m_profiles.size() == 1 ? tr("Exported 1 profile, without keys.")
                                      : tr("Exported %1 profiles, without keys.").arg(m_profiles.size());
    return true;
}

bool ProvidersDialog::save(QString* error)
{
    if (m_keyChanges->isRunning()) { // the previous save is still writing keys
        *error = tr("Still saving the keys of the last save.");
        return false;
    }
    commitEditor();
    if (!m_idConflict.isEmpty()) {
        *error = tr("Another profile already has the id “%1”.").arg(m_idConflict);
        return false;
    }
    // A credential header typed into the table (x-litellm-api-key, cf-aig-authorization, …) is kept like a key:
    // its value goes to the keychain, the profile keeps its name.
    for (ProviderProfile& p : m_profiles) {
        for (auto it = p.extraHeaders.begin(); it != p.extraHeaders.end();) {
            if (!isSecretHeader(it->first)) {
                ++it;
                continue;
            }
            if (!p.secretHeaders.contains(it->first))
                p.secretHeaders.append(it->first);
            m_pendingSecretHeaders[p.id].append(*it);
            it = p.extraHeaders.erase(it);
        }
    }
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        const QString problem = validateProfile(m_profiles[i]);
        if (!problem.isEmpty()) {
            m_currentId = m_profiles[i].id;
            refreshList();
            select(int(i));
            *error = problem;
            return false;
        }
    }
    // What this dialog changed, relative to the profiles it opened with (its baseline). Only that is applied to the
    // file as it is now, so profiles another process added or changed meanwhile stay as they are.
    QSet<QString> removed = m_removedIds;
    for (const ProviderProfile& p : std::as_const(m_baseline)) {
        if (std::none_of(m_profiles.cbegin(), m_profiles.cend(), [&](const ProviderProfile& q) { return q.id == p.id; }))
            removed.insert(p.id);
    }
    const bool written = m_store.update([&](AppConfig& config) {
        config.profiles.removeIf([&](const ProviderProfile& p) { return removed.contains(p.id); });
        for (const ProviderProfile& mine : std::as_const(m_profiles)) {
            const bool unchanged = !m_removedIds.contains(mine.id)
                                   && std::any_of(m_baseline.cbegin(), m_baseline.cend(),
                                                  [&](const ProviderProfile& p) { return p == mine; });
            if (unchanged)
                continue; // not ours to rewrite: another process may have edited it meanwhile
            const auto it = std::find_if(config.profiles.begin(), config.profiles.end(),
                                         [&](const ProviderProfile& p) { return p.id == mine.id; });
            if (it != config.profiles.end())
                *it = mine;
            else
                config.profiles.append(mine);
        }
    }, error);
    if (!written)
        return false;
    emit saved();

    // Credential headers next (each profile's entry is read, merged and written), then the keys (see KeyChangeSet).
    for (auto it = m_pendingSecretHeaders.cbegin(); it != m_pendingSecretHeaders.cend(); ++it) {
        const auto profile = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                          [&](const ProviderProfile& p) { return p.id == it.key(); });
        if (profile == m_profiles.cend())
            continue;
        storeSecretHeaders(m_secrets, *profile, it.value(),
                           [self = QPointer(this), id = it.key()](const QString& problem) {
                               if (!self)
                                   return;
                               if (problem.isEmpty()) {
                                   self->m_pendingSecretHeaders.remove(id);
                                   return;
                               }
                               emit self->keysSaved(false, tr("The headers of %1 were not stored: %2").arg(id, problem));
                           });
    }
    setSaving(true);
    m_keyChanges->apply(m_baseline, m_profiles, {m_pendingKeys, m_keysToRemove, removed, m_removedIds});
    return true;
}

void ProvidersDialog::setSaving(bool saving)
{
    // Nothing can be edited while keys are being written: what the user sees is what gets saved.
    for (QWidget* w : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (w != m_status)
            w->setEnabled(!saving);
    }
    if (saving)
        m_status->setText(tr("Saving the keys…"));
}

void ProvidersDialog::keysApplied(const QStringList& failures)
{
    const bool ok = failures.isEmpty();
    setSaving(false);
    if (ok) { // everything is where it should be: this is the new starting point
        m_pendingKeys.clear();
        m_keysToRemove.clear();
        m_removedIds.clear();
        m_baseline = m_profiles;
        m_status->setText(tr("Saved."));
    } // otherwise the baseline stays, so saving again retries every key operation
    const QString message = ok ? tr("Saved.") : failures.join(u"\n"_s);
    emit keysSaved(ok, message);
    if (!ok) {
        // The typed keys stay in the form so nothing is lost; the dialog stays open to say what failed.
        m_closeWhenKeysSaved = false;
        m_status->setText(toneSpan(Tone::Negative, palette(), message.toHtmlEscaped()));
        return;
    }
    if (std::exchange(m_closeWhenKeysSaved, false))
        QDialog::done(QDialog::Accepted);
}

void ProvidersDialog::done(int result)
{
    if (result != QDialog::Accepted) {
        QDialog::done(result);
        return;
    }
    if (m_keyChanges->isRunning()) { // Save pressed again while the keys are still being written: close when done
        m_closeWhenKeysSaved = true;
        return;
    }
    QString error;
    m_closeWhenKeysSaved = true;
    if (!save(&error)) {
        m_closeWhenKeysSaved = false;
        m_status->setText(toneSpan(Tone::Negative, palette(), error.toHtmlEscaped()));
    }
}

QWidget* ProvidersDialog::detectedBanner() const
{
    return m_banner;
}

void ProvidersDialog::detectLocalServers(QNetworkAccessManager& network,
                                         const QList<LocalServerDetector::Candidate>& candidates)
{
    auto* detector = new LocalServerDetector(network, candidates, this);
    connect(detector, &LocalServerDetector::finished, this, [this, detector](const QList<DetectedServer>& found) {
        detector->deleteLater();
        m_banner->showServers(found, m_profiles);
    });
    detector->start();
}

} // namespace juxta
