// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/ScriptFiles.h"

#include "offline/OfflineNetwork.h"
#include "offline/ScriptedResponder.h"

#include "common/PoolFuture.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {

bool isScriptedUrl(const QUrl& baseUrl)
{
    return isOfflineUrl(baseUrl) && baseUrl.host() == u"scripted"_s;
}

QString scriptFileOf(const QUrl& baseUrl)
{
    QString file = isScriptedUrl(baseUrl) ? QUrlQuery(baseUrl).queryItemValue(u"file"_s, QUrl::FullyDecoded)
                                          : QString();
    if (file.startsWith(u"~/"_s))
        file = QDir::homePath() + file.mid(1);
    return file;
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
    return runInPool<QString>(*QThreadPool::globalInstance(), [path] {
        QFile demo(QString::fromLatin1(kDemoScriptResource));
        QSaveFile out(path);
        if (!demo.open(QIODevice::ReadOnly))
            return demo.errorString();
        if (!out.open(QIODevice::WriteOnly) || out.write(demo.readAll()) < 0 || !out.commit())
            return out.errorString();
        return QString();
    });
}

} // namespace juxta
