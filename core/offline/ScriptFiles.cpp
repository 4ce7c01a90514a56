// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/ScriptFiles.h"

#include "offline/OfflineNetwork.h"
#include "offline/ScriptedResponder.h"

#include <QFile>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace juxta {

bool isScriptedUrl(const QUrl& baseUrl)
{
    return isOfflineUrl(baseUrl) && baseUrl.host() == u"scripted"_s;
}

QString scriptFileOf(const QUrl& baseUrl)
{
    return isScriptedUrl(baseUrl) ? QUrlQuery(baseUrl).queryItemValue(u"file"_s, QUrl::FullyDecoded) : QString();
}

QUrl withScriptFile(const QUrl& baseUrl, const QString& path)
{
    QUrl url = baseUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(u"script"_s);
    query.removeAllQueryItems(u"file"_s);
    // A path may hold '&', '#', '+' or spaces: encoded so the query reads back the same path.
    query.addQueryItem(u"file"_s, QString::fromUtf8(QUrl::toPercentEncoding(path, "/~")));
    url.setQuery(query);
    return url;
}

QFuture<QString> copyDemoScript(const QString& path)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, path] {
        QFile demo(QString::fromLatin1(kDemoScriptResource));
        QSaveFile out(path);
        QString error;
        if (!demo.open(QIODevice::ReadOnly))
            error = demo.errorString();
        else if (!out.open(QIODevice::WriteOnly) || out.write(demo.readAll()) < 0 || !out.commit())
            error = out.errorString();
        promise->addResult(error);
        promise->finish();
    });
    return future;
}

} // namespace juxta
