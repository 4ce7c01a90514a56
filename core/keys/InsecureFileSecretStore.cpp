// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/SecretStore.h"

#include "common/JsonAccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// nullopt: the file exists but cannot be read or is damaged; it is then never overwritten (that would lose
// every other key in it).
std::optional<json::Json> readAll(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return json::Json::object();
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    json::Json parsed = json::parse(file.read(1 << 20));
    if (!parsed.is_object() || !file.atEnd())
        return std::nullopt;
    return parsed;
}

SecretResult damaged(const QString& path)
{
    return {SecretResult::Status::Failed, {},
            u"The key file %1 cannot be read or is damaged; it is left as it is."_s.arg(path)};
}

QString writeAll(const QString& path, const json::Json& entries)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const std::string text = entries.dump(1);
    file.write(text.data(), qint64(text.size()));
    return file.commit() ? QString() : file.errorString();
}

// Answers on the next event-loop turn, like the keychain does, so callers see one behaviour.
void answerLater(QObject* context, SecretStore::Handler done, SecretResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

} // namespace

InsecureFileSecretStore::InsecureFileSecretStore(QString path, QObject* parent)
    : SecretStore(parent)
    , m_path(std::move(path))
{
}

QString InsecureFileSecretStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/juxta/insecure-keys.json"_s;
}

QString InsecureFileSecretStore::description() const
{
    return u"unencrypted file %1"_s.arg(m_path);
}

void InsecureFileSecretStore::read(const QString& profileId, Handler done)
{
    const auto entries = readAll(m_path);
    if (!entries) {
        answerLater(this, std::move(done), damaged(m_path));
        return;
    }
    const QString secret = json::stringOr(*entries, json::toStd(profileId).c_str());
    if (secret.trimmed().isEmpty())
        answerLater(this, std::move(done), {SecretResult::Status::NotFound, {}, u"No key is stored for this profile."_s});
    else
        answerLater(this, std::move(done), {SecretResult::Status::Ok, ApiKey::fromSecret(secret), {}});
}

void InsecureFileSecretStore::write(const QString& profileId, const QString& secret, Handler done)
{
    auto entries = readAll(m_path);
    if (!entries) {
        answerLater(this, std::move(done), damaged(m_path));
        return;
    }
    (*entries)[json::toStd(profileId)] = json::toStd(secret.trimmed());
    const QString error = writeAll(m_path, *entries);
    answerLater(this, std::move(done),
                error.isEmpty() ? SecretResult{} : SecretResult{SecretResult::Status::Failed, {}, error});
}

void InsecureFileSecretStore::remove(const QString& profileId, Handler done)
{
    auto entries = readAll(m_path);
    if (!entries) {
        answerLater(this, std::move(done), damaged(m_path));
        return;
    }
    if (entries->erase(json::toStd(profileId)) == 0) {
        answerLater(this, std::move(done), {}); // nothing to remove is what the caller wanted
        return;
    }
    const QString error = writeAll(m_path, *entries);
    answerLater(this, std::move(done),
                error.isEmpty() ? SecretResult{} : SecretResult{SecretResult::Status::Failed, {}, error});
}

} // namespace juxta
