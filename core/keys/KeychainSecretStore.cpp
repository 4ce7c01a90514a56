// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString entryName(const QString& entry)
{
    return u"profile/"_s + entry;
}

// QtKeychain reports a missing session bus or Secret Service as OtherError; its text is all there is to go on.
bool looksLikeNoService(const QString& error)
{
    // "Could not connect": no session bus at all (a server or container without a desktop session).
    for (const QString& hint : {u"D-Bus"_s, u"DBus"_s, u"org.freedesktop.secrets"_s, u"ServiceUnknown"_s,
                                u"No such interface"_s, u"Could not connect"_s}) {
        if (error.contains(hint, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

SecretResult resultOf(QKeychain::Job& job)
{
    SecretResult r;
    switch (job.error()) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        r.message = u"No key is stored for this profile."_s;
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = SecretResult::Status::Unavailable;
        r.message = u"No system keychain is available (%1). Use an environment variable for the key, or opt in to "
                    "unencrypted key storage in the settings."_s.arg(job.errorString());
        return r;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        r.status = SecretResult::Status::Failed;
        r.message = u"The keychain refused access: %1"_s.arg(job.errorString());
        return r;
    default:
        if (looksLikeNoService(job.errorString())) {
            r.status = SecretResult::Status::Unavailable;
            r.message = u"No system keychain is reachable (%1). Use an environment variable for the key, or opt "
                        "in to unencrypted key storage in the settings."_s.arg(job.errorString());
            return r;
        }
        r.status = SecretResult::Status::Failed;
        r.message = u"The keychain failed: %1"_s.arg(job.errorString());
        return r;
    }
}

// Starts `job`, answers `done` once, and gives up after `timeoutMs` (a locked keyring may wait forever for
// a password prompt nobody sees).
void runJob(QKeychain::Job* job, int timeoutMs, std::function<void(QKeychain::Job&)> onFinished,
            SecretStore::Handler done)
{
    auto answered = std::make_shared<bool>(false);
    auto* timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [answered, done] {
        if (std::exchange(*answered, true))
            return;
        done({SecretResult::Status::Unavailable, {},
              u"The system keychain did not answer (is it locked, waiting for a password?)."_s});
        // The job deletes itself if it ever finishes; deleting it mid-call could race D-Bus.
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [job, answered, onFinished, done](QKeychain::Job*) {
        if (std::exchange(*answered, true))
            return;
        onFinished(*job);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent, int timeoutMs)
    : SecretStore(parent)
    , m_service(defaultService())
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::defaultService()
{
    const QString overridden = qEnvironmentVariable("JUXTA_KEYCHAIN_SERVICE");
    return overridden.isEmpty() ? u"org.juxta.Juxta"_s : overridden;
}

QString KeychainSecretStore::description() const
{
    return u"system keychain"_s;
}

void KeychainSecretStore::read(const QString& profileId, Handler done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryName(profileId));
    runJob(job, m_timeoutMs, [done](QKeychain::Job& j) {
        SecretResult r = resultOf(j);
        if (r.status == SecretResult::Status::Ok) {
            r.key = ApiKey::fromSecret(static_cast<QKeychain::ReadPasswordJob&>(j).textData());
            if (r.key.isEmpty())
                r = {SecretResult::Status::NotFound, {}, u"The stored key is empty."_s};
        }
        done(r);
    }, done);
}

void KeychainSecretStore::write(const QString& profileId, const QString& secret, Handler done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entryName(profileId));
    job->setTextData(secret.trimmed());
    runJob(job, m_timeoutMs, [done](QKeychain::Job& j) { done(resultOf(j)); }, done);
}

void KeychainSecretStore::remove(const QString& profileId, Handler done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entryName(profileId));
    runJob(job, m_timeoutMs, [done](QKeychain::Job& j) {
        SecretResult r = resultOf(j);
        if (r.status == SecretResult::Status::NotFound)
            r = {}; // nothing to remove is what the caller wanted
        done(r);
    }, done);
}

} // namespace juxta
