// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/OfflineAnswerPlan.h"

#include "pricing/CostCalculator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <cmath>

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

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

std::optional<OfflineTokenUnit> offlineTokenUnitNamed(const QString& name)
{
    if (name == u"word"_s)
        return OfflineTokenUnit::Word;
    if (name == u"char"_s)
        return OfflineTokenUnit::Character;
    if (name == u"estimate"_s)
        return OfflineTokenUnit::Estimate;
    return std::nullopt;
}

namespace {

// Pieces of `size` code points (a surrogate pair stays whole).
QStringList piecesOf(const QString& text, int size)
{
    QStringList pieces;
    QString current;
    int points = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        current += text.at(i);
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            current += text.at(++i);
        if (++points == size) {
            pieces.append(std::exchange(current, QString()));
            points = 0;
        }
    }
    if (!current.isEmpty())
        pieces.append(current);
    return pieces;
}

OfflinePace overridden(OfflinePace pace, const std::optional<double>& ttft, const std::optional<double>& tps,
                       const std::optional<double>& jitter, const QString& unit)
{
    if (const auto u = offlineTokenUnitNamed(unit))
        pace.unit = *u;
    if (ttft && *ttft >= 0 && *ttft <= 600'000)
        pace.ttftMs = int(*ttft);
    if (tps && *tps > 0 && *tps <= 100'000)
        pace.tokensPerSecond = *tps;
    if (jitter && *jitter >= 0 && *jitter <= 1)
        pace.jitter = *jitter;
    return pace;
}

} // namespace

OfflinePace OfflinePace::overriddenBy(const QUrl& url) const
{
    const QUrlQuery query(url);
    const auto number = [&query](const QString& name) -> std::optional<double> {
        bool ok = false;
        const double value = query.queryItemValue(name).toDouble(&ok);
        return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
    };
    return overridden(*this, number(u"ttft_ms"_s), number(u"tokens_per_second"_s), number(u"jitter"_s),
                      query.queryItemValue(u"token_unit"_s));
}

OfflinePace OfflinePace::overriddenBy(const QJsonObject& json) const
{
    const auto number = [&json](QLatin1StringView name) -> std::optional<double> {
        const QJsonValue value = json.value(name);
        return value.isDouble() ? std::optional(value.toDouble()) : std::nullopt;
    };
    return overridden(*this, number("ttft_ms"_L1), number("tokens_per_second"_L1), number("jitter"_L1),
                      json.value("token_unit"_L1).toString());
}

QStringList offlineTokens(const QString& text, OfflineTokenUnit unit)
{
    if (unit == OfflineTokenUnit::Character)
        return piecesOf(text, 1);
    if (unit == OfflineTokenUnit::Estimate)
        return piecesOf(text, 4);
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

OfflineRequest OfflineRequest::parse(const QByteArray& body)
{
    OfflineRequest request;
    request.json = QJsonDocument::fromJson(body).object();
    request.model = request.json.value("model"_L1).toString();
    for (const QJsonValue& m : request.json.value("messages"_L1).toArray()) {
        const QString text = contentText(m.toObject().value("content"_L1));
        request.messageTexts.append(text);
        if (m.toObject().value("role"_L1).toString() == u"user"_s)
            request.prompt = text;
    }
    request.stream = request.json.value("stream"_L1).toBool();
    request.includeUsage = request.json.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool();
    request.seed = quint32(qHash(body));
    return request;
}

OfflinePlan offlineAnswerPlan(const OfflineAnswer& answer, const OfflineRequest& request)
{
    const QStringList tokens = offlineTokens(answer.text, answer.pace.unit);
    const QStringList thoughts = offlineTokens(answer.reasoning, answer.pace.unit);
    const qint64 promptTokens = estimatePromptTokens(request.messageTexts);
    const qint64 completionTokens = tokens.size() + thoughts.size();
    QJsonObject usage{{u"prompt_tokens"_s, promptTokens},
                      {u"completion_tokens"_s, completionTokens},
                      {u"total_tokens"_s, promptTokens + completionTokens}};
    if (!thoughts.isEmpty())
        usage.insert(u"completion_tokens_details"_s, QJsonObject{{u"reasoning_tokens"_s, qint64(thoughts.size())}});
    const QString id = u"chatcmpl-offline-%1"_s.arg(request.seed, 0, 16);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const OfflinePace pace = answer.pace;
    QRandomGenerator random(request.seed);
    // Whole milliseconds per gap, rounded from the ideal running time so the error never adds up: at 400 tokens/s
    // the gaps go 3, 2, 3, 2 ms rather than 3, 3, 3 (333 tokens/s).
    double idealMs = 0;
    qint64 plannedMs = 0;
    const auto gap = [&pace, &random, &idealMs, &plannedMs] {
        const double base = 1000.0 / pace.tokensPerSecond;
        const double spread = pace.jitter > 0 ? (random.generateDouble() * 2 - 1) * pace.jitter : 0;
        idealMs += base * (1 + spread);
        const qint64 next = std::max(plannedMs, qint64(std::llround(idealMs)));
        const int delay = int(next - plannedMs);
        plannedMs = next;
        return delay;
    };
    const qsizetype streamed = thoughts.size() + tokens.size();
    const auto limitOf = [streamed](int n) { return n >= 0 ? qMin<qsizetype>(n, streamed) : -1; };
    const qsizetype cutAt = limitOf(answer.cutAfterTokens);
    const qsizetype stallAt = limitOf(answer.stallAfterTokens);
    const qsizetype stopAt = cutAt < 0 ? stallAt : stallAt < 0 ? cutAt : qMin(cutAt, stallAt); // the first fault wins
    const qsizetype sent = stopAt >= 0 ? stopAt : streamed;

    OfflinePlan plan;
    plan.headers = {{"x-request-id", id.toUtf8()}, {"x-juxta-offline", answer.providerName}};
    if (stopAt >= 0)
        plan.ending = cutAt >= 0 && (stallAt < 0 || cutAt <= stallAt) ? OfflinePlan::Ending::Cut
                                                                       : OfflinePlan::Ending::Stall;
    if (!request.stream) {
        int total = pace.ttftMs;
        for (qsizetype i = 1; i < sent; ++i)
            total += gap();
        QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, answer.text}};
        if (!answer.reasoning.isEmpty())
            message.insert(u"reasoning_content"_s, answer.reasoning);
        const QJsonObject whole{{u"id"_s, id}, {u"object"_s, u"chat.completion"_s}, {u"created"_s, created},
                                {u"model"_s, answer.model},
                                {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"message"_s, message},
                                                                       {u"finish_reason"_s, answer.finishReason}}}},
                                {u"usage"_s, usage}};
        plan.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        QByteArray bytes = compact(whole);
        if (stopAt >= 0) // a body that never completes: half of it, then the fault
            bytes.truncate(bytes.size() / 2);
        plan.body = {{bytes, total}};
        return plan;
    }
    const auto chunk = [&](const QJsonObject& delta, const QJsonValue& finish) {
        QJsonObject c{{u"id"_s, id}, {u"object"_s, u"chat.completion.chunk"_s}, {u"created"_s, created},
                      {u"model"_s, answer.model},
                      {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta},
                                                             {u"finish_reason"_s, finish}}}}};
        if (request.includeUsage) // asked for usage, OpenAI says "usage": null in every chunk but the last
            c.insert(u"usage"_s, QJsonValue::Null);
        return c;
    };
    plan.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/event-stream; charset=utf-8")));
    plan.body.append({sse(chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null)), 0});
    for (qsizetype i = 0; i < sent; ++i) {
        const bool thinking = i < thoughts.size();
        const QJsonObject delta = thinking ? QJsonObject{{u"reasoning_content"_s, thoughts.at(i)}}
                                           : QJsonObject{{u"content"_s, tokens.at(i - thoughts.size())}};
        plan.body.append({sse(chunk(delta, QJsonValue::Null)), i == 0 ? pace.ttftMs : gap()});
    }
    if (stopAt >= 0)
        return plan;
    plan.body.append({sse(chunk({}, answer.finishReason)), tokens.isEmpty() && thoughts.isEmpty() ? pace.ttftMs : 0});
    if (request.includeUsage) {
        QJsonObject last = chunk({}, QJsonValue::Null);
        last.insert(u"choices"_s, QJsonArray());
        last.insert(u"usage"_s, usage);
        plan.body.append({sse(last), 0});
    }
    plan.body.append({"data: [DONE]\n\n", 0});
    return plan;
}

OfflinePlan offlinePlanError(int status, const QByteArray& reason, const QString& message, const QString& type,
                             const QString& code)
{
    OfflinePlan plan;
    plan.status = status;
    plan.reason = reason;
    plan.headers = {{"Content-Type", "application/json"}};
    QJsonObject error{{u"message"_s, message}, {u"type"_s, type}};
    error.insert(u"code"_s, code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
    plan.body = {{compact(QJsonObject{{u"error"_s, error}}), 0}};
    return plan;
}

OfflinePlan offlineModelList(const QStringList& modelIds)
{
    QJsonArray models;
    for (const QString& id : modelIds)
        models.append(QJsonObject{{u"id"_s, id}, {u"object"_s, u"model"_s}, {u"owned_by"_s, u"juxta-offline"_s}});
    OfflinePlan list;
    list.headers = {{"Content-Type", "application/json"}};
    list.body = {{compact(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, models}}), 0}};
    return list;
}

} // namespace juxta
