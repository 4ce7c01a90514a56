// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/EchoResponder.h"

using namespace Qt::StringLiterals;

namespace juxta {

QStringList echoModels()
{
    return {u"echo"_s, u"echo-reverse"_s, u"echo-upper"_s, u"echo-word-count"_s};
}

QString echoText(const QString& model, const QString& prompt)
{
    const QString m = model.toLower();
    if (m.contains(u"upper"_s))
        return prompt.toUpper();
    if (m.contains(u"word-count"_s) || m.contains(u"wordcount"_s)) {
        const QString words = prompt.simplified();
        return u"%1 words"_s.arg(words.isEmpty() ? 0 : words.count(u' ') + 1);
    }
    if (m.contains(u"reverse"_s)) {
        // By code point, so characters outside the BMP stay whole.
        const QList<uint> codes = prompt.toUcs4();
        QString reversed;
        for (auto it = codes.crbegin(); it != codes.crend(); ++it)
            reversed += QString::fromUcs4(reinterpret_cast<const char32_t*>(&*it), 1);
        return reversed;
    }
    return prompt;
}

OfflinePlan echoPlan(const QNetworkRequest& request, const QByteArray& body)
{
    if (request.url().path().endsWith(u"/models"_s)) // the model list, as OpenAI's GET /v1/models
        return offlineModelList(echoModels());
    const OfflineRequest parsed = OfflineRequest::parse(body);
    if (!request.url().path().endsWith(u"/chat/completions"_s) || parsed.json.isEmpty())
        return offlinePlanError(404, "Not Found", u"The echo provider answers POST …/chat/completions only"_s);
    OfflineAnswer answer;
    answer.model = parsed.model.isEmpty() ? u"echo"_s : parsed.model;
    answer.text = echoText(answer.model, parsed.prompt);
    answer.pace = OfflinePace::fromUrl(request.url());
    answer.providerName = "echo";
    return offlineAnswerPlan(answer, parsed);
}

} // namespace juxta
