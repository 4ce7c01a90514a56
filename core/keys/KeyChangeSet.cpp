// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyChangeSet.h"

#include "keys/SecretHeaders.h"

using namespace Qt::StringLiterals;

namespace juxta {

KeyChangeSet::KeyChangeSet(SecretStore& secrets, QObject* parent) : QObject(parent), m_secrets(&secrets) {}

SecretStore::Handler KeyChangeSet::step(const QString& what)
{
    ++m_pending;
    QPointer<KeyChangeSet> self(this);
    return [self, what](const SecretResult& r) {
        if (self)
            self->stepDone(r.status == SecretResult::Status::Ok ? QString() : what + u": "_s + r.message);
    };
}

void KeyChangeSet::stepDone(const QString& failure)
{
    if (!failure.isEmpty())
        m_failures.append(failure);
    if (--m_pending == 0)
        emit finished(std::exchange(m_failures, {}));
}

void KeyChangeSet::removeEntry(const QString& entry, const QString& id)
{
    m_secrets->remove(entry, step(u"Removing the key of %1"_s.arg(id)));
}

void KeyChangeSet::moveEntry(const QString& from, const QString& to, const QString& id)
{
    QPointer<SecretStore> secrets = m_secrets;
    const SecretStore::Handler done = step(u"Moving the key of %1"_s.arg(id));
    m_secrets->read(from, [secrets, from, to, done](const SecretResult& r) {
        if (r.status != SecretResult::Status::Ok) {
            done(r.status == SecretResult::Status::NotFound ? SecretResult{} : r); // nothing stored, nothing to move
            return;
        }
        if (!secrets) {
            done({SecretResult::Status::Failed, {}, u"the key store is gone"_s});
            return;
        }
        secrets->write(to, QString::fromUtf8(r.key.headerValue()), [secrets, from, done](const SecretResult& written) {
            if (written.status != SecretResult::Status::Ok)
                done(written);
            else if (!secrets)
                done({SecretResult::Status::Failed, {}, u"the key store is gone"_s});
            else
                secrets->remove(from, done); // only once the new entry holds the key
        });
    });
}

void KeyChangeSet::apply(const QList<ProviderProfile>& baseline, const QList<ProviderProfile>& profiles,
                         const ProfileKeyEdits& edits)
{
    ++m_pending; // held until every operation has started, so `finished` comes once, at the end
    const auto savedAs = [&](const QString& id) -> const ProviderProfile* {
        if (edits.recreatedIds.contains(id))
            return nullptr; // a new profile that took a removed one's id: the old key is not its key
        for (const ProviderProfile& p : baseline) {
            if (p.id == id)
                return &p;
        }
        return nullptr;
    };
    for (const ProviderProfile& old : baseline) {
        if (edits.removedProfiles.contains(old.id)) {
            removeEntry(keyEntryName(old), old.id);
            if (!old.secretHeaders.isEmpty())
                removeEntry(secretHeadersEntryName(old), old.id); // its credential headers go with it
        }
    }
    for (const ProviderProfile& p : profiles) {
        const QString entry = keyEntryName(p);
        const ProviderProfile* old = savedAs(p.id);
        const QString oldEntry = old ? keyEntryName(*old) : QString();
        if (edits.newKeys.contains(p.id)) {
            m_secrets->write(entry, edits.newKeys.value(p.id), step(u"Storing the key of %1"_s.arg(p.id)));
            if (old && oldEntry != entry)
                removeEntry(oldEntry, p.id);
        } else if (edits.keysToRemove.contains(p.id)) {
            removeEntry(entry, p.id);
            if (old && oldEntry != entry)
                removeEntry(oldEntry, p.id);
        } else if (old && oldEntry != entry) {
            moveEntry(oldEntry, entry, p.id); // the user moved a saved profile: its key goes with it
        }
        if (old && oldEntry != entry && !old->secretHeaders.isEmpty())
            moveEntry(secretHeadersEntryName(*old), secretHeadersEntryName(p), p.id); // and its credential headers
    }
    stepDone(QString());
}

} // namespace juxta
