// SPDX-License-Identifier: GPL-3.0-or-later
// The Providers dialog: the list of profiles, add from a preset, duplicate, remove, import/export, local servers
// found on this machine, and the editor of the selected profile. Changes apply on Save; keys go to the key store,
// never to the config file.
#pragma once

#include "config/ConfigStore.h"
#include "config/LocalServerDetector.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QVBoxLayout;

namespace juxta {

class CatalogService;
class DetectedServersBanner;
class KeyChangeSet;
class ProfileEditor;
class SecretStore;

class ProvidersDialog final : public QDialog
{
    Q_OBJECT

public:
    ProvidersDialog(ConfigStore& store, SecretStore& secrets, CatalogService& catalog, QWidget* parent = nullptr);

    // Looks for local servers and offers the ones not configured yet.
    void detectLocalServers(QNetworkAccessManager& network,
                            const QList<LocalServerDetector::Candidate>& candidates =
                                LocalServerDetector::defaultCandidates());

    void addFromPreset(const QString& presetId);
    void addProfile(ProviderProfile profile); // made unique, selected
    void duplicateCurrent();
    void removeCurrent();
    bool importFrom(const QString& path, QString* message);
    bool exportTo(const QString& path, QString* message) const;
    // Validates, saves the config, then writes, moves and removes keys; `keysSaved` tells how that went.
    // Returns false (with `error`) when nothing could be saved.
    bool save(QString* error);

    QListWidget* profileList() const { return m_list; }
    ProfileEditor* editor() const { return m_editor; }
    QWidget* detectedBanner() const;
    const QList<ProviderProfile>& profiles() const { return m_profiles; }

signals:
    void saved();                                    // the config file is written
    void keysSaved(bool ok, const QString& message); // every key operation of the last save finished

protected:
    void done(int result) override;

private:
    void commitEditor();
    void keysApplied(const QStringList& failures);
    void setSaving(bool saving);
    void select(int row);
    void refreshList();

    ConfigStore& m_store;
    SecretStore& m_secrets;
    CatalogService& m_catalog;
    QList<ProviderProfile> m_profiles;         // the working copy
    QList<ProviderProfile> m_baseline;         // as saved: what the working copy is compared with
    QSet<QString> m_removedIds;                // saved profiles removed in this session
    QHash<QString, QString> m_pendingKeys;     // typed in this session, by profile id
    // Credential headers typed into a profile's header table, by profile id: they go to the keychain on save.
    QHash<QString, QList<QPair<QByteArray, QByteArray>>> m_pendingSecretHeaders;
    QSet<QString> m_keysToRemove;              // profile ids
    QString m_currentId;
    QString m_idConflict; // the id typed into the editor that another profile already has
    bool m_switching = false;
    bool m_closeWhenKeysSaved = false;

    QListWidget* m_list;
    ProfileEditor* m_editor;
    DetectedServersBanner* m_banner;
    QLabel* m_status;
    KeyChangeSet* m_keyChanges;
};

} // namespace juxta
