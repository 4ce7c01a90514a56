// SPDX-License-Identifier: GPL-3.0-or-later
// Which base URLs a profile may use. Keys travel in headers, so plain http:// is only acceptable where the
// traffic never leaves the machine or the private network, unless the user explicitly says otherwise.
// TLS errors are never ignored anywhere in Juxta (no ignoreSslErrors call exists).
#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace juxta {

// Loopback, RFC 1918 / RFC 4193 / link-local addresses, "localhost", and names under .localhost, .local,
// .internal and .home.arpa.
bool isLocalOrPrivateHost(const QString& host);
bool isLoopbackHost(const QString& host);

enum class UrlVerdict { Ok, NeedsInsecureConfirmation, Invalid };

struct UrlCheck
{
    UrlVerdict verdict = UrlVerdict::Ok;
    QString message;
};

// `allowInsecureHttp`: the user confirmed plain http:// to a public host for this profile.
UrlCheck checkBaseUrl(const QUrl& url, bool allowInsecureHttp);

} // namespace juxta
