// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/SecretHeaders.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QJsonObject parseEntry(const SecretResult& r)
{
    if (r.status != SecretResult::Status::Ok)
        return {};
    return QJsonDocument::fromJson(r.key.headerValue()).object();
}

} // namespace

QString secretHeadersEntryName(const ProviderProfile& profile)
{
    return keyEntryName(profile) + u"#headers"_s;
}

void readSecretHeaders(SecretStore& store, const ProviderProfile& profile,
                       std::function<void(const SecretHeaderValues&, const QString&)> done)
{
    if (profile.secretHeaders.isEmpty()) {
        done({}, {});
        return;
    }
    const QList<QByteArray> names = profile.secretHeaders;
    store.read(secretHeadersEntryName(profile), [names, done = std::move(done)](const SecretResult& r) {
        if (r.status != SecretResult::Status::Ok && r.status != SecretResult::Status::NotFound) {
            done({}, r.message);
            return;
        }
        const QJsonObject stored = parseEntry(r);
        SecretHeaderValues values;
        for (const QByteArray& name : names) {
            const QString value = stored.value(QString::fromLatin1(name)).toString();
            if (!value.isEmpty())
                values.append({name, value.toUtf8()});
        }
        done(values, {});
    });
}

void storeSecretHeaders(SecretStore& store, const ProviderProfile& profile, const SecretHeaderValues& values,
                        std::function<void(const QString&)> done)
{
    // Read, merge, write: other headers already stored for the profile stay.
    const QString entry = secretHeadersEntryName(profile);
    QPointer<SecretStore> guard(&store);
    store.read(entry, [guard, entry, values, done = std::move(done)](const SecretResult& r) mutable {
        if (!guard)
            return;
        if (r.status != SecretResult::Status::Ok && r.status != SecretResult::Status::NotFound) {
            done(r.message);
            return;
        }
        QJsonObject merged = parseEntry(r);
        for (const auto& [name, value] : values)
            merged.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        const QString text = QString::fromUtf8(QJsonDocument(merged).toJson(QJsonDocument::Compact));
        guard->write(entry, text, [done = std::move(done)](const SecretResult& w) {
            done(w.status == SecretResult::Status::Ok ? QString() : w.message);
        });
    });
}

void moveSecretHeaders(ConfigStore& config, SecretStore& store, std::function<void(const QStringList&)> done)
{
    // One read-merge-write per profile: two at once on the same entry would lose one of them.
    QMap<QString, QList<AppConfig::SecretHeader>> byProfile;
    for (const AppConfig::SecretHeader& header : std::as_const(config.config().secretHeadersToMove)) {
        if (config.config().profile(header.profileId))
            byProfile[header.profileId].append(header);
    }
    if (byProfile.isEmpty()) {
        done({});
        return;
    }
    struct Progress
    {
        qsizetype left = 0;
        QStringList problems;
        QList<AppConfig::SecretHeader> moved;
    };
    auto progress = std::make_shared<Progress>();
    progress->left = byProfile.size();
    for (auto it = byProfile.cbegin(); it != byProfile.cend(); ++it) {
        const QList<AppConfig::SecretHeader> headers = it.value();
        SecretHeaderValues values;
        for (const AppConfig::SecretHeader& h : headers)
            values.append({h.name, h.value});
        const QString profileId = it.key();
        storeSecretHeaders(store, *config.config().profile(profileId), values,
                           [&config, headers, profileId, progress, done](const QString& problem) {
                               if (problem.isEmpty())
                                   progress->moved.append(headers);
                               else
                                   progress->problems.append(
                                       u"profile \"%1\": its credential headers stay in the config file until the "
                                       "keychain can take them: %2"_s.arg(profileId, problem));
                               if (--progress->left > 0)
                                   return;
                               QString error;
                               // Only now, with the values safely stored, does the file lose them.
                               const bool saved = config.update([progress](AppConfig& c) {
                                   for (const AppConfig::SecretHeader& m : std::as_const(progress->moved))
                                       c.secretHeadersToMove.removeAll(m);
                               }, &error);
                               if (!saved)
                                   progress->problems.append(error);
                               done(progress->problems);
                           });
    }
}

} // namespace juxta
