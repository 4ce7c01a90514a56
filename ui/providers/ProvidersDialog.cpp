// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ProvidersDialog.h"

#include "catalog/CatalogService.h"
#include "config/ProviderPresets.h"
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
#include <QRegularExpression>
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
{
    m_store.reloadIfChanged(); // start from what is on disk now (the command line may have changed it)
    m_profiles = m_store.config().profiles;
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
    m_editor->setIdEditable(m_store.config().profile(id) == nullptr); // a saved key is filed under the id
}

QString ProvidersDialog::uniqueId(const QString& wanted) const
{
    const auto taken = [this](const QString& id) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const ProviderProfile& p) { return p.id == id; });
    };
    if (!taken(wanted))
        return wanted;
    static const QRegularExpression numbered(u"-\\d+$"_s);
    const QString stem = QString(wanted).remove(numbered); // "openai-2" → "openai-3", not "openai-2-2"
    QString id = stem;
    for (int n = 2; taken(id); ++n)
        id = u"%1-%2"_s.arg(stem).arg(n);
    return id;
}

void ProvidersDialog::addProfile(ProviderProfile profile)
{
    commitEditor();
    profile.id = uniqueId(profile.id);
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
    if (m_store.config().profile(id))
        m_keysToRemove.insert(id); // a removed profile's key does not linger in the keychain
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
    const auto imported = importProfiles(file.read(8 * 1024 * 1024), &error, &warnings);
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
    if (m_keyOperations > 0) { // the previous save is still writing keys
        *error = tr("Still saving the keys of the last save.");
        return false;
    }
    commitEditor();
    if (!m_idConflict.isEmpty()) {
        *error = tr("Another profile already has the id “%1”.").arg(m_idConflict);
        return false;
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
    // The config first (re-read if another Juxta changed it meanwhile), then the keys.
    QList<ProviderProfile> before;
    const bool written = m_store.update([&](AppConfig& config) {
        before = config.profiles;
        config.profiles = m_profiles;
    }, error);
    if (!written)
        return false;
    emit saved();

    const auto previous = [&](const QString& id) -> const ProviderProfile* {
        for (const ProviderProfile& p : std::as_const(before)) {
            if (p.id == id)
                return &p;
        }
        return nullptr;
    };
    m_keyFailures.clear();
    m_keyOperations = 1; // held until every operation below has started
    QPointer<ProvidersDialog> self(this);
    const auto finished = [self](const QString& what) {
        return [self, what](const SecretResult& r) {
            if (self)
                self->finishKeyOperation(r.status == SecretResult::Status::Ok ? QString() : what + u": "_s + r.message);
        };
    };
    QSet<QString> keep; // entries that hold a current profile's key
    for (const ProviderProfile& p : std::as_const(m_profiles)) {
        const QString entry = keyEntryName(p);
        const ProviderProfile* old = previous(p.id);
        const QString oldEntry = old ? keyEntryName(*old) : QString();
        if (m_pendingKeys.contains(p.id)) {
            ++m_keyOperations;
            keep.insert(entry);
            m_secrets.write(entry, m_pendingKeys.value(p.id), finished(tr("The key for %1").arg(p.id)));
        } else if (m_keysToRemove.contains(p.id)) {
            continue; // removed below with the old entry
        } else if (old && oldEntry != entry) {
            // The user moved a saved profile to another server: its key moves with it, by their explicit edit.
            // Read, write the new entry, and only then remove the old one.
            ++m_keyOperations;
            keep.insert(entry);
            keep.insert(oldEntry);
            QPointer<SecretStore> secrets(&m_secrets);
            m_secrets.read(oldEntry, [secrets, entry, oldEntry, done = finished(tr("Moving the key for %1").arg(p.id))](
                                         const SecretResult& r) {
                if (r.status != SecretResult::Status::Ok) {
                    done(r.status == SecretResult::Status::NotFound ? SecretResult{} : r);
                    return;
                }
                if (!secrets)
                    return;
                secrets->write(entry, QString::fromUtf8(r.key.headerValue()),
                               [secrets, oldEntry, done](const SecretResult& writeResult) {
                                   if (writeResult.status != SecretResult::Status::Ok || !secrets)
                                       done(writeResult);
                                   else
                                       secrets->remove(oldEntry, done);
                               });
            });
        } else {
            keep.insert(entry);
        }
    }
    for (const ProviderProfile& old : std::as_const(before)) {
        const QString oldEntry = keyEntryName(old);
        if (!keep.contains(oldEntry)) { // removed profiles, removed keys, moved keys' old entries
            ++m_keyOperations;
            m_secrets.remove(oldEntry, finished(tr("Removing the key of %1").arg(old.id)));
        }
    }
    finishKeyOperation(QString());
    return true;
}

void ProvidersDialog::finishKeyOperation(const QString& failure)
{
    if (!failure.isEmpty())
        m_keyFailures.append(failure);
    if (--m_keyOperations > 0)
        return;
    const bool ok = m_keyFailures.isEmpty();
    if (ok) {
        m_pendingKeys.clear();
        m_keysToRemove.clear();
    }
    const QString message = ok ? tr("Saved.") : m_keyFailures.join(u"\n"_s);
    emit keysSaved(ok, message);
    if (!ok) {
        // The typed keys stay in the form so nothing is lost; the dialog stays open to say what failed.
        m_closeWhenKeysSaved = false;
        m_status->setText(u"<span style='color:#C8372D'>%1</span>"_s.arg(message.toHtmlEscaped()));
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
    QString error;
    m_closeWhenKeysSaved = true;
    if (!save(&error)) {
        m_closeWhenKeysSaved = false;
        m_status->setText(u"<span style='color:#C8372D'>%1</span>"_s.arg(error.toHtmlEscaped()));
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
