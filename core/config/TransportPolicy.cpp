// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/TransportPolicy.h"

#include "offline/OfflineNetwork.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace juxta {

bool isLoopbackHost(const QString& host)
{
    const QString h = host.toLower();
    if (h == u"localhost"_s || h.endsWith(u".localhost"_s))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

bool isLocalOrPrivateHost(const QString& host)
{
    const QString h = host.toLower();
    if (isLoopbackHost(h))
        return true;
    for (const QString& suffix : {u".local"_s, u".internal"_s, u".home.arpa"_s}) {
        if (h.endsWith(suffix))
            return true;
    }
    const QHostAddress address(h);
    if (address.isNull())
        return false;
    if (address.isLinkLocal())
        return true;
    static const QList<QPair<QHostAddress, int>> privateNets = {
        QHostAddress::parseSubnet(u"10.0.0.0/8"_s),   QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
        QHostAddress::parseSubnet(u"192.168.0.0/16"_s), QHostAddress::parseSubnet(u"100.64.0.0/10"_s),
        QHostAddress::parseSubnet(u"fc00::/7"_s)};
    for (const auto& [net, prefix] : privateNets) {
        if (address.isInSubnet(net, prefix))
            return true;
    }
    return false;
}

UrlCheck checkBaseUrl(const QUrl& url, bool allowInsecureHttp)
{
    if (url.isValid() && url.scheme() == QLatin1StringView(kOfflineScheme) && !url.host().isEmpty())
        return {}; // a built-in offline provider: no network, no key
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return {UrlVerdict::Invalid, u"The base URL must be an http:// or https:// address, e.g. "
                                     "https://api.openai.com/v1."_s};
    if (!url.userInfo().isEmpty())
        return {UrlVerdict::Invalid, u"The base URL must not contain a user name or password; keys belong in the "
                                     "keychain."_s};
    if (url.toString().contains(u"YOUR-"_s))
        return {UrlVerdict::Invalid, u"Replace the placeholders (YOUR-…) in the base URL with your own names."_s};
    if (url.scheme() == u"http"_s && !isLocalOrPrivateHost(url.host()) && !allowInsecureHttp)
        return {UrlVerdict::NeedsInsecureConfirmation,
                u"%1 is a public host reached over plain http://: anyone on the way can read your key and prompts. "
                "Use https://, or confirm that you accept this for this profile."_s.arg(url.host())};
    return {};
}

} // namespace juxta
