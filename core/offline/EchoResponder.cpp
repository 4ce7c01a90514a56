// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/EchoResponder.h"

#include "offline/OfflineNetwork.h"

#include "pricing/CostCalculator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// The text of a message's content: a string, or OpenAI's array of parts.
QString contentText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue& part : content.toArray()) {
        if (part.toObject().value("type"_L1).toString() == u"text"_s)
            text += part.toObject().value("text"_L1).toString();
    }
    return text;
}

QByteArray sse(const QJsonObject& chunk)
{
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

EchoPace EchoPace::fromUrl(const QUrl& url)
{
    EchoPace pace;
    const QUrlQuery query(url);
    bool ok = false;
    const int ttft = query.queryItemValue(u"ttft_ms"_s).toInt(&ok);
    if (ok && ttft >= 0 && ttft <= 600'000)
        pace.ttftMs = ttft;
    const double tps = query.queryItemValue(u"tokens_per_second"_s).toDouble(&ok);
    if (ok && tps > 0 && tps <= 100'000)
        pace.tokensPerSecond = tps;
    const double jitter = query.queryItemValue(u"jitter"_s).toDouble(&ok);
    if (ok && jitter >= 0 && jitter <= 1)
        pace.jitter = jitter;
    return pace;
}

QString echoText(const QString& model, const QString& prompt)
{
    const QString m = model.toLower();
    if (m.contains(u"upper"_s))
        return prompt.toUpper();
    if (m.contains(u"word-count"_s) || m.contains(u"wordcount"_s)) {
        const qsizetype words = prompt.split(u' ', Qt::SkipEmptyParts).size() == 0
                                    ? 0
                                    : prompt.simplified().split(u' ').size();
        return u"%1 words"_s.arg(words);
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

QStringList echoTokens(const QString& text)
{
    QStringList tokens;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            tokens.append(std::exchange(current, QString()));
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (current.isEmpty() && !tokens.isEmpty())
                tokens.last() += c; // spaces ride with the token before them
            else
                current += c;
        } else if (c.isLetterOrNumber() || c.isMark() || c.isSurrogate() || c == u'\'') {
            if (!current.isEmpty() && current.back().isSpace())
                flush();
            current += c;
        } else { // punctuation and symbols are tokens of their own
            flush();
            tokens.append(QString(c));
        }
    }
    flush();
    return tokens;
}

OfflinePlan echoPlan(const QNetworkRequest& request, const QByteArray& body)
{
    if (request.url().path().endsWith(u"/models"_s)) { // the model list, as OpenAI's GET /v1/models
        QJsonArray models;
        for (const QString& id : {u"echo"_s, u"echo-reverse"_s, u"echo-upper"_s, u"echo-word-count"_s})
            models.append(QJsonObject{{u"id"_s, id}, {u"object"_s, u"model"_s}, {u"owned_by"_s, u"juxta-offline"_s}});
        OfflinePlan list;
        list.headers = {{"Content-Type", "application/json"}};
        list.body = {{QJsonDocument(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, models}}).toJson(
                          QJsonDocument::Compact), 0}};
        return list;
    }
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (!request.url().path().endsWith(u"/chat/completions"_s) || json.isEmpty())
        return offlinePlanError(404, "Not Found", u"The echo provider answers POST …/chat/completions only"_s);
    const QString model = json.value("model"_L1).toString(u"echo"_s);
    QString prompt;
    QStringList allTexts;
    for (const QJsonValue& m : json.value("messages"_L1).toArray()) {
        const QString text = contentText(m.toObject().value("content"_L1));
        allTexts.append(text);
        if (m.toObject().value("role"_L1).toString() == u"user"_s)
            prompt = text;
    }
    const QString answer = echoText(model, prompt);
    const QStringList tokens = echoTokens(answer);
    const EchoPace pace = EchoPace::fromUrl(request.url());
    const qint64 promptTokens = estimatePromptTokens(allTexts);
    const QJsonObject usage{{u"prompt_tokens"_s, promptTokens},
                            {u"completion_tokens"_s, qint64(tokens.size())},
                            {u"total_tokens"_s, promptTokens + tokens.size()}};
    const QString id = u"chatcmpl-offline-%1"_s.arg(qHash(body), 0, 16);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    // The same request paces the same way every time: the jitter is seeded by it.
    QRandomGenerator random(quint32(qHash(body)));
    const auto gap = [&pace, &random] {
        const double base = 1000.0 / pace.tokensPerSecond;
        const double spread = pace.jitter > 0 ? (random.generateDouble() * 2 - 1) * pace.jitter : 0;
        return qMax(0, int(std::lround(base * (1 + spread))));
    };

    OfflinePlan plan;
    plan.headers = {{"x-request-id", id.toUtf8()}, {"x-juxta-offline", "echo"}};
    if (!json.value("stream"_L1).toBool()) {
        int total = pace.ttftMs;
        for (qsizetype i = 1; i < tokens.size(); ++i)
            total += gap();
        const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, answer}};
        const QJsonObject whole{{u"id"_s, id}, {u"object"_s, u"chat.completion"_s}, {u"created"_s, created},
                                {u"model"_s, model},
                                {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"message"_s, message},
                                                                       {u"finish_reason"_s, u"stop"_s}}}},
                                {u"usage"_s, usage}};
        plan.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        plan.body = {{QJsonDocument(whole).toJson(QJsonDocument::Compact), total}};
        return plan;
    }
    const auto chunk = [&](const QJsonObject& delta, const QJsonValue& finish) {
        return QJsonObject{{u"id"_s, id}, {u"object"_s, u"chat.completion.chunk"_s}, {u"created"_s, created},
                           {u"model"_s, model},
                           {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta},
                                                                  {u"finish_reason"_s, finish}}}}};
    };
    plan.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/event-stream; charset=utf-8")));
    plan.body.append({sse(chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null)), 0});
    for (qsizetype i = 0; i < tokens.size(); ++i)
        plan.body.append({sse(chunk({{u"content"_s, tokens.at(i)}}, QJsonValue::Null)), i == 0 ? pace.ttftMs : gap()});
    plan.body.append({sse(chunk({}, u"stop"_s)), 0});
    if (json.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool()) {
        QJsonObject last = chunk({}, QJsonValue::Null);
        last.insert(u"choices"_s, QJsonArray());
        last.insert(u"usage"_s, usage);
        plan.body.append({sse(last), 0});
    }
    plan.body.append({"data: [DONE]\n\n", 0});
    return plan;
}

} // namespace juxta
