// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the user configures that is not a secret: provider profiles, price overrides, budget limits,
// favourite and recent models. Serialized as versioned JSON (see ConfigStore for the file).
#pragma once

#include "pricing/BudgetGuard.h"
#include "pricing/ModelPrice.h"
#include "providers/ProviderProfile.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QStringList>
#include <optional>

namespace juxta {

inline constexpr int kConfigVersion = 1;

struct AppConfig
{
    QList<ProviderProfile> profiles;
    QMap<QString, ModelPrice> priceOverrides; // by model reference, "profile/model"
    BudgetLimits budget;
    QStringList favouriteModels;              // model references
    QStringList recentModels;                 // most recent first
    bool insecureKeyStorage = false;          // opt-in plain-file keys where no keychain exists

    // Credential headers found in the file (written by an older Juxta, or by hand): moveSecretHeaders() puts them
    // in the keychain and saves the file without them. Until then they are written back where they were, so a
    // keychain that is missing or locked never costs the user a secret.
    struct SecretHeader
    {
        QString profileId;
        QByteArray name;
        QByteArray value;
        bool operator==(const SecretHeader&) const = default;
    };
    QList<SecretHeader> secretHeadersToMove;

    const ProviderProfile* profile(const QString& id) const;
    ProviderProfile* profile(const QString& id);
    void noteRecentModel(const QString& reference); // moves it to the front, keeps ten
};

// The whole file. Unknown fields are ignored so an older Juxta can read a newer minor format.
// A file that is not a Juxta config at all fails with `error`; single bad entries (a profile, a price override)
// are skipped and described in `warnings`, so one mistake never costs the rest.
QByteArray configToJson(const AppConfig& config);
std::optional<AppConfig> configFromJson(const QByteArray& json, QString* error, QStringList* warnings = nullptr);
std::optional<int> configVersionOf(const QByteArray& json);

// `wanted`, or the first of "wanted-2", "wanted-3", … that none of `profiles` uses ("openai-2" taken gives "openai-3").
QString unusedProfileId(const QList<ProviderProfile>& profiles, const QString& wanted);

// Profile ids are what `profile/model` references start with: lower-case letters, digits, '.', '_' and '-'.
bool isValidProfileId(const QString& id);
// Empty when the profile is usable; else what is wrong, in words for the user.
QString validateProfile(const ProviderProfile& profile);
// Headers that carry credentials and therefore may never be stored in a profile.
bool isSecretHeader(QByteArrayView name); // its name has key, token, secret, auth, cookie or password in it

// Profile import/export. Export never contains keys (profiles hold none); import drops anything that looks
// like one (an "api_key" field, an Authorization header) and says so in `warnings`.
QByteArray exportProfiles(const QList<ProviderProfile>& profiles);
std::optional<QList<ProviderProfile>> importProfiles(const QByteArray& json, QString* error, QStringList* warnings);

} // namespace juxta
