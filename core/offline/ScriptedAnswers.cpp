// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline/ScriptedAnswers.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QList<std::pair<QString, ScriptedFault::Kind>>& faultNames()
{
    static const QList<std::pair<QString, ScriptedFault::Kind>> names{
        {u"rate_limit"_s, ScriptedFault::Kind::RateLimit}, {u"quota"_s, ScriptedFault::Kind::Quota},
        {u"server_error"_s, ScriptedFault::Kind::ServerError}, {u"cut"_s, ScriptedFault::Kind::Cut},
        {u"stall"_s, ScriptedFault::Kind::Stall}, {u"context_length"_s, ScriptedFault::Kind::ContextLength}};
    return names;
}

std::optional<ScriptedFault> parseFault(const QJsonValue& value, QString* error)
{
    ScriptedFault fault;
    if (value.isUndefined() || value.isNull())
        return fault;
    const QJsonObject object = value.isString() ? QJsonObject{{u"type"_s, value}} : value.toObject();
    const QString type = object.value("type"_L1).toString();
    for (const auto& [name, kind] : faultNames()) {
        if (name == type)
            fault.kind = kind;
    }
    if (fault.kind == ScriptedFault::Kind::None) {
        QStringList known;
        for (const auto& entry : faultNames())
            known << entry.first;
        *error = u"unknown fault \"%1\" (known: %2)"_s.arg(type, known.join(u", "_s));
        return std::nullopt;
    }
    fault.retryAfterS = object.value("retry_after"_L1).toInt(-1);
    fault.status = object.value("status"_L1).toInt(fault.kind == ScriptedFault::Kind::ServerError ? 500 : 0);
    if (fault.kind == ScriptedFault::Kind::ServerError && (fault.status < 500 || fault.status > 599)) {
        *error = u"a server_error's status must be 500–599"_s;
        return std::nullopt;
    }
    fault.afterTokens = qMax(0, object.value("after_tokens"_L1).toInt(0));
    return fault;
}

bool checkTokenUnit(const QJsonObject& object, QString* error)
{
    if (!object.contains("token_unit"_L1) || offlineTokenUnitNamed(object.value("token_unit"_L1).toString()))
        return true;
    *error = u"token_unit must be word, char or estimate"_s;
    return false;
}

// Line and column of a byte offset, for a message that points at the mistake.
QString positionOf(const QByteArray& text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return u"line %1, column %2"_s.arg(before.count('\n') + 1).arg(offset - lineStart + 1);
}

std::optional<ScriptedAnswer> parseAnswer(const QJsonValue& value, const OfflinePace& pace, QString* error)
{
    if (!value.isObject()) {
        *error = u"an answer must be a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    ScriptedAnswer answer;
    answer.match = object.value("match"_L1).toString();
    if (const QString pattern = object.value("regex"_L1).toString(); !pattern.isEmpty()) {
        answer.regex = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!answer.regex.isValid()) {
            *error = u"regex \"%1\": %2"_s.arg(pattern, answer.regex.errorString());
            return std::nullopt;
        }
    }
    answer.model = object.value("model"_L1).toString();
    if (answer.model == u"*"_s)
        answer.model.clear();
    answer.reply = object.value("reply"_L1).toString(object.value("text"_L1).toString());
    answer.reasoning = object.value("reasoning"_L1).toString();
    answer.finishReason = object.value("finish_reason"_L1).toString(u"stop"_s);
    if (!checkTokenUnit(object, error))
        return std::nullopt;
    answer.pace = pace.overriddenBy(object);
    const auto fault = parseFault(object.value("fault"_L1), error);
    if (!fault)
        return std::nullopt;
    answer.fault = *fault;
    if (answer.reply.isEmpty() && answer.reasoning.isEmpty() && answer.fault.kind == ScriptedFault::Kind::None
        && answer.finishReason == u"stop"_s) {
        *error = u"an answer needs a \"reply\", a \"reasoning\", a \"finish_reason\" or a \"fault\""_s;
        return std::nullopt;
    }
    return answer;
}

} // namespace

bool ScriptedAnswer::appliesTo(const QString& requestModel) const
{
    return model.isEmpty() || model.compare(requestModel, Qt::CaseInsensitive) == 0;
}

bool ScriptedAnswer::matches(const QString& prompt) const
{
    if (!match.isEmpty() && !prompt.contains(match, Qt::CaseInsensitive))
        return false;
    if (!regex.pattern().isEmpty() && !regex.match(prompt).hasMatch())
        return false;
    return !isInTurn();
}

QStringList ScriptedAnswers::models() const
{
    QStringList names;
    for (const ScriptedAnswer& a : answers) {
        if (!a.model.isEmpty() && !names.contains(a.model))
            names.append(a.model);
    }
    if (names.isEmpty() || std::any_of(answers.cbegin(), answers.cend(), [](const auto& a) { return a.model.isEmpty(); }))
        names.append(u"scripted"_s);
    return names;
}

std::optional<qsizetype> ScriptedAnswers::pick(const QString& model, const QString& prompt, quint64 turn,
                                               qsizetype* inTurnCount) const
{
    QList<qsizetype> ownTurns;   // in-turn answers that name this model
    QList<qsizetype> sharedTurns; // in-turn answers for any model
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const ScriptedAnswer& a = answers.at(i);
        if (!a.appliesTo(model))
            continue;
        if (a.isInTurn())
            (a.model.isEmpty() ? sharedTurns : ownTurns).append(i);
        else if (a.matches(prompt))
            return i;
    }
    const QList<qsizetype>& inTurn = ownTurns.isEmpty() ? sharedTurns : ownTurns;
    if (inTurnCount)
        *inTurnCount = inTurn.size();
    if (inTurn.isEmpty())
        return std::nullopt;
    return inTurn.at(qsizetype(turn % quint64(inTurn.size())));
}

std::optional<ScriptedAnswers> parseScriptedAnswers(const QByteArray& text, const OfflinePace& basePace,
                                                    QString* error)
{
    QString problem;
    ScriptedAnswers script;
    QJsonParseError parseError{};
    const QByteArray bytes = text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text; // editors may add a BOM
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        QJsonArray list;
        OfflinePace pace = basePace;
        const QJsonObject object = document.object();
        if (document.isArray()) {
            list = document.array();
        } else if (object.contains("answers"_L1) || object.contains("defaults"_L1)) {
            if (!object.value("answers"_L1).isArray()) {
                *error = u"\"answers\" must be a list of answers"_s;
                return std::nullopt;
            }
            const QJsonObject defaults = object.value("defaults"_L1).toObject();
            if (!checkTokenUnit(defaults, error)) {
                *error = u"defaults: "_s + *error;
                return std::nullopt;
            }
            pace = pace.overriddenBy(defaults);
            list = object.value("answers"_L1).toArray();
        } else {
            list.append(object); // one answer on its own (a JSONL file of one line)
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto answer = parseAnswer(list.at(i), pace, &problem);
            if (!answer) {
                *error = u"answer %1: %2"_s.arg(i + 1).arg(problem);
                return std::nullopt;
            }
            script.answers.append(*answer);
        }
        if (script.answers.isEmpty()) {
            *error = u"no answers in the list"_s;
            return std::nullopt;
        }
        return script;
    }
    // JSONL: one answer per line; blank lines and lines starting with // or # are skipped. A file whose first line
    // is not an answer of its own was meant as one JSON document: its own error is the one that helps.
    const QJsonParseError documentError = parseError;
    const QList<QByteArray> lines = bytes.split('\n');
    const auto firstLine = std::find_if(lines.cbegin(), lines.cend(), [](const QByteArray& l) {
        const QByteArray t = l.trimmed();
        return !t.isEmpty() && !t.startsWith("//") && !t.startsWith('#');
    });
    if (firstLine != lines.cend() && !QJsonDocument::fromJson(firstLine->trimmed()).isObject()) {
        *error = u"%1: %2"_s.arg(positionOf(bytes, documentError.offset), documentError.errorString());
        return std::nullopt;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith("//") || line.startsWith('#'))
            continue;
        const QJsonDocument one = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = u"line %1: %2"_s.arg(i + 1).arg(parseError.errorString());
            return std::nullopt;
        }
        auto answer = parseAnswer(one.object(), basePace, &problem);
        if (!one.isObject() || !answer) {
            *error = u"line %1: %2"_s.arg(i + 1).arg(one.isObject() ? problem : u"not a JSON object"_s);
            return std::nullopt;
        }
        script.answers.append(*answer);
    }
    if (script.answers.isEmpty()) {
        *error = u"no answers (expected a JSON array, {\"answers\": […]} or one JSON object per line)"_s;
        return std::nullopt;
    }
    return script;
}

OfflinePlan scriptedAnswerPlan(const ScriptedAnswer& answer, const OfflineRequest& request)
{
    const QString model = request.model.isEmpty() ? u"scripted"_s : request.model;
    const ScriptedFault& fault = answer.fault;
    const auto failing = [&](OfflinePlan plan) {
        plan.headDelayMs = answer.pace.ttftMs;
        plan.headers.append(qMakePair(QByteArray("x-juxta-offline"), QByteArray("scripted")));
        return plan;
    };
    switch (fault.kind) {
    case ScriptedFault::Kind::RateLimit: {
        OfflinePlan plan = offlinePlanError(429, "Too Many Requests",
                                            u"Rate limit reached for %1 (scripted). Please try again later."_s.arg(model),
                                            u"requests"_s, u"rate_limit_exceeded"_s);
        if (fault.retryAfterS >= 0)
            plan.headers.append(qMakePair(QByteArray("retry-after"), QByteArray::number(fault.retryAfterS)));
        plan.headers.append(qMakePair(QByteArray("x-ratelimit-remaining-requests"), QByteArray("0")));
        return failing(plan);
    }
    case ScriptedFault::Kind::Quota:
        return failing(offlinePlanError(429, "Too Many Requests",
                                        u"You exceeded your current quota (scripted)."_s, u"insufficient_quota"_s,
                                        u"insufficient_quota"_s));
    case ScriptedFault::Kind::ServerError: {
        static const QHash<int, QByteArray> reasons{{500, "Internal Server Error"}, {502, "Bad Gateway"},
                                                    {503, "Service Unavailable"}, {504, "Gateway Timeout"},
                                                    {529, "Overloaded"}};
        return failing(offlinePlanError(fault.status, reasons.value(fault.status, "Server Error"),
                                        u"The server had an error while processing your request (scripted)."_s,
                                        u"server_error"_s));
    }
    case ScriptedFault::Kind::ContextLength:
        return failing(offlinePlanError(
            400, "Bad Request",
            u"This model's maximum context length is 4096 tokens. However, your messages resulted in more (scripted)."_s,
            u"invalid_request_error"_s, u"context_length_exceeded"_s));
    case ScriptedFault::Kind::None:
    case ScriptedFault::Kind::Cut:
    case ScriptedFault::Kind::Stall:
        break;
    }
    OfflineAnswer out;
    out.model = model;
    out.text = QString(answer.reply).replace(u"{{model}}"_s, model).replace(u"{{prompt}}"_s, request.prompt);
    out.reasoning = answer.reasoning;
    out.finishReason = answer.finishReason;
    out.pace = answer.pace;
    out.providerName = "scripted";
    if (fault.kind == ScriptedFault::Kind::Cut)
        out.cutAfterTokens = fault.afterTokens;
    if (fault.kind == ScriptedFault::Kind::Stall)
        out.stallAfterTokens = fault.afterTokens;
    return offlineAnswerPlan(out, request);
}

} // namespace juxta
