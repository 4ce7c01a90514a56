// SPDX-License-Identifier: GPL-3.0-or-later
// Where API keys live: the system keychain (Secret Service, macOS Keychain, Windows Credential Store through
// QtKeychain), one entry per profile. The plain-file store exists only behind an explicit opt-in.
// All operations are asynchronous; the UI thread never waits on D-Bus.
#pragma once

#include "providers/ApiKey.h"
#include "providers/ProviderProfile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace juxta {

struct SecretResult
{
    enum class Status { Ok, NotFound, Unavailable, Failed };
    Status status = Status::Ok;
    ApiKey key;      // for reads that found one
    QString message; // for anything but Ok, in words for the user
};


// The store entry of a profile's key: its id and the origin it was given for ("openai@https://api.openai.com:443").
// A profile whose URL now points elsewhere, or another profile that reuses the id, finds no key: a key is only ever
// sent to the server it was stored for.
QString keyEntryName(const ProviderProfile& profile);

class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const SecretResult&)>;
    using QObject::QObject;

    virtual QString description() const = 0; // "system keychain", "unencrypted file …"
    // `entry` is keyEntryName(profile). Removing an entry that does not exist succeeds.
    virtual void read(const QString& entry, Handler done) = 0;
    virtual void write(const QString& entry, const QString& secret, Handler done) = 0;
    virtual void remove(const QString& entry, Handler done) = 0;
};

class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    // The service name groups Juxta's entries in the keychain; JUXTA_KEYCHAIN_SERVICE overrides it so tests
    // can never touch a developer's real entries.
    explicit KeychainSecretStore(QObject* parent = nullptr, int timeoutMs = 20'000);
    static QString defaultService();

    QString description() const override;
    void read(const QString& profileId, Handler done) override;
    void write(const QString& profileId, const QString& secret, Handler done) override;
    void remove(const QString& profileId, Handler done) override;

private:
    QString m_service;
    int m_timeoutMs;
};

// Keys in a JSON file with owner-only permissions, for machines without any keychain, and only when the
// user opted in ("insecure_key_storage": true in the config).
class InsecureFileSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit InsecureFileSecretStore(QString path = defaultPath(), QObject* parent = nullptr);
    static QString defaultPath();

    QString description() const override;
    void read(const QString& profileId, Handler done) override;
    void write(const QString& profileId, const QString& secret, Handler done) override;
    void remove(const QString& profileId, Handler done) override;

private:
    QString m_path;
};

// Runs one store operation to completion on a local event loop: for the command line only.
SecretResult waitFor(const std::function<void(SecretStore::Handler)>& operation);

} // namespace juxta
