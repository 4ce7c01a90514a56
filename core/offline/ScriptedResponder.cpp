// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/ScriptedResponder.h"

#include "offline/ScriptFiles.h"
#include "offline/ScriptedAnswers.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

struct Turns
{
    QMutex mutex;
    QHash<QString, quint64> next; // by script source and model
};

Turns& turns()
{
    static Turns t;
    return t;
}

struct ScriptSource
{
    QString path; // a file, or the demo's resource
    QString name; // what messages call it
};

std::optional<ScriptSource> sourceOf(const QUrl& url)
{
    if (const QString file = scriptFileOf(url); !file.isEmpty())
        return ScriptSource{file, QDir::toNativeSeparators(file)};
    const QString script = QUrlQuery(url).queryItemValue(u"script"_s, QUrl::FullyDecoded);
    if (script == u"demo"_s)
        return ScriptSource{QString::fromLatin1(kDemoScriptResource), u"the demo script"_s};
    return std::nullopt;
}

} // namespace

OfflinePlan scriptedPlanNow(const QUrl& url, const QByteArray& body)
{
    const bool listing = url.path().endsWith(u"/models"_s);
    if (!listing && !url.path().endsWith(u"/chat/completions"_s))
        return offlinePlanError(404, "Not Found", u"The scripted provider answers POST …/chat/completions only"_s);
    const auto source = sourceOf(url);
    if (!source)
        return offlinePlanError(400, "Bad Request",
                                u"Say which script to answer from: file=/path/to/answers.jsonl (or script=demo) "
                                "in the base URL"_s);
    QFile file(source->path);
    if (!file.open(QIODevice::ReadOnly))
        return offlinePlanError(404, "Not Found",
                                u"Cannot read the script %1: %2"_s.arg(source->name, file.errorString()));
    constexpr qint64 kMaxScriptBytes = 32 * 1024 * 1024; // canned answers, not a corpus: a wrong file is refused
    const QByteArray text = file.read(kMaxScriptBytes + 1);
    if (text.size() > kMaxScriptBytes)
        return offlinePlanError(400, "Bad Request", u"The script %1 is larger than 32 MB"_s.arg(source->name));
    QString error;
    const auto script = parseScriptedAnswers(text, OfflinePace().overriddenBy(url), &error);
    if (!script)
        return offlinePlanError(400, "Bad Request", u"The script %1 is not valid: %2"_s.arg(source->name, error));
    if (listing)
        return offlineModelList(script->models());

    const OfflineRequest request = OfflineRequest::parse(body);
    if (request.json.isEmpty())
        return offlinePlanError(400, "Bad Request", u"The request body is not a JSON object"_s);
    std::optional<qsizetype> picked;
    {
        Turns& t = turns();
        const QMutexLocker lock(&t.mutex);
        const QString key = source->path + u'\n' + request.model.toLower();
        picked = script->pick(request.model, request.prompt, t.next.value(key));
        if (picked && script->answers.at(*picked).isInTurn())
            ++t.next[key];
    }
    if (!picked)
        return offlinePlanError(404, "Not Found",
                                u"The script %1 has no answer for model \"%2\" and this prompt: add one whose "
                                "\"match\" fits, or one without \"match\" to answer in turn"_s.arg(source->name,
                                                                                                  request.model),
                                u"invalid_request_error"_s, u"model_not_found"_s);
    return scriptedAnswerPlan(script->answers.at(*picked), request);
}

void resetScriptedTurns()
{
    Turns& t = turns();
    const QMutexLocker lock(&t.mutex);
    t.next.clear();
}

} // namespace juxta
