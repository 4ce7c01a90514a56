// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/SecretStore.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace juxta {

QString keyEntryName(const ProviderProfile& profile)
{
    const QUrl& url = profile.baseUrl;
    return u"%1@%2://%3:%4"_s.arg(profile.id, url.scheme(), url.host())
        .arg(url.port(url.scheme() == u"http"_s ? 80 : 443));
}

SecretResult waitFor(const std::function<void(SecretStore::Handler)>& operation)
{
    SecretResult result;
    QEventLoop loop;
    bool finished = false;
    operation([&](const SecretResult& r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace juxta
