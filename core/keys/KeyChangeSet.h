// SPDX-License-Identifier: GPL-3.0-or-later
// Brings the key store in line with edited profiles: typed keys are written, a key follows its profile to a new
// URL (read, write, then remove the old entry), and the keys of removed profiles or of "remove stored key" go.
// Everything is computed against the profiles as they were saved before (the baseline), so a key never moves to a
// profile that merely reused a removed profile's id.
#pragma once

#include "keys/SecretStore.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace juxta {

struct ProfileKeyEdits
{
    QHash<QString, QString> newKeys; // typed keys by profile id
    QSet<QString> keysToRemove;      // profile ids whose stored key the user removed
    QSet<QString> removedProfiles;   // baseline profile ids that no longer exist (or were re-created)
    QSet<QString> recreatedIds;      // ids removed and taken by a new profile in the same session
};

class KeyChangeSet final : public QObject
{
    Q_OBJECT

public:
    explicit KeyChangeSet(SecretStore& secrets, QObject* parent = nullptr);

    void apply(const QList<ProviderProfile>& baseline, const QList<ProviderProfile>& profiles,
               const ProfileKeyEdits& edits);
    bool isRunning() const { return m_pending > 0; }

signals:
    void finished(const QStringList& failures); // empty: every operation succeeded

private:
    SecretStore::Handler step(const QString& what);
    void removeEntry(const QString& entry, const QString& id);
    void moveEntry(const QString& from, const QString& to, const QString& id);
    void stepDone(const QString& failure);

    QPointer<SecretStore> m_secrets;
    int m_pending = 0;
    QStringList m_failures;
};

} // namespace juxta
