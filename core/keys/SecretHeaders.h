// SPDX-License-Identifier: GPL-3.0-or-later
// Credential headers a gateway wants besides (or instead of) the key: LiteLLM's x-litellm-api-key, Cloudflare AI
// Gateway's cf-aig-authorization, Portkey's x-portkey-virtual-key. Their values live in the keychain, one entry per
// profile beside its key ("<key entry>#headers", a JSON object of name → value); the config keeps only the names.
#pragma once

#include "config/ConfigStore.h"
#include "keys/SecretStore.h"

#include <functional>

namespace juxta {

QString secretHeadersEntryName(const ProviderProfile& profile);

using SecretHeaderValues = QList<QPair<QByteArray, QByteArray>>;

// The stored values of `profile.secretHeaders` (the ones it names and nothing else); `problem` when the store failed.
void readSecretHeaders(SecretStore& store, const ProviderProfile& profile,
                       std::function<void(const SecretHeaderValues& values, const QString& problem)> done);

// Adds or replaces `values` in the profile's entry, keeping the others. `done` gets an empty string on success.
void storeSecretHeaders(SecretStore& store, const ProviderProfile& profile, const SecretHeaderValues& values,
                        std::function<void(const QString& problem)> done);

// Moves config.secretHeadersToMove into the keychain and saves the config without them. A header whose write fails
// stays in the file as it was (nothing is lost) and `done` says why; the next start tries again.
void moveSecretHeaders(ConfigStore& config, SecretStore& store, std::function<void(const QStringList& problems)> done);

} // namespace juxta
