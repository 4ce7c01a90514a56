// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamScripts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta::test {
namespace {

QByteArray event(const QString& model, const QJsonObject& delta, const QJsonValue& finish,
                 const QJsonValue& usage = QJsonValue::Undefined)
{
    QJsonObject chunk{{u"id"_s, u"chatcmpl-Test0123456789"_s},
                      {u"object"_s, u"chat.completion.chunk"_s},
                      {u"created"_s, 1764000000},
                      {u"model"_s, model},
                      {u"system_fingerprint"_s, u"fp_0ba0d124f1"_s}};
    QJsonArray choices;
    if (!delta.isEmpty() || !finish.isNull())
        choices.append(QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"logprobs"_s, QJsonValue::Null},
                                   {u"finish_reason"_s, finish}});
    chunk.insert(u"choices"_s, choices);
    if (!usage.isUndefined())
        chunk.insert(u"usage"_s, usage);
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

ScriptedResponse openAiStreamHead()
{
    ScriptedResponse r = ScriptedResponse::fromHttpText("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                                        "Transfer-Encoding: chunked\r\n\r\n");
    r.writes.clear();
    return r;
}

QByteArray openAiDeltaEvent(const char* field, const QByteArray& text)
{
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
           "\"delta\":{\"" + QByteArray(field) + "\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
}

ScriptedResponse openAiStream(const StreamScript& script)
{
    ScriptedResponse response = ScriptedResponse::fromHttpText(
        "HTTP/1.1 200 OK\nContent-Type: text/event-stream; charset=utf-8\nTransfer-Encoding: chunked\n"
        "Cache-Control: no-cache\nx-request-id: req_test\n\n");
    QList<ScriptedWrite> writes;
    auto add = [&](const QByteArray& bytes) { writes.append({bytes, writes.isEmpty() ? 0 : script.delayMs}); };
    add(event(script.model, {{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null));
    if (!script.reasoningBefore.isEmpty()) {
        for (const QString& word : script.reasoningBefore.split(u' '))
            add(event(script.model, QJsonObject{{u"reasoning_content"_s, QString(word + u' ')}}, QJsonValue::Null));
    }
    for (const QString& piece : script.pieces)
        add(event(script.model, {{u"content"_s, piece}}, QJsonValue::Null));
    if (script.cutBeforeFinish) {
        response.writes = writes;
        response.endWith(ScriptedResponse::Ending::Abort);
        return response;
    }
    add(event(script.model, {}, script.finishReason));
    if (script.usage) {
        const int completion = int(script.pieces.size());
        add(event(script.model, {}, QJsonValue::Null,
                  QJsonObject{{u"prompt_tokens"_s, script.promptTokens},
                              {u"completion_tokens"_s, completion},
                              {u"total_tokens"_s, script.promptTokens + completion}}));
    }
    writes.append({"data: [DONE]\n\n", 0});
    response.writes = writes;
    return response;
}

QStringList proseTokens(int count)
{
    static const QStringList words = {u"The"_s, u" model"_s, u" streams"_s, u" tokens"_s, u" into"_s, u" the"_s,
                                      u" view"_s, u","_s, u" and"_s, u" nothing"_s, u" is"_s, u" lost"_s, u"."_s};
    QStringList tokens;
    tokens.reserve(count);
    for (int i = 0; i < count; ++i) {
        tokens.append(words.at(i % words.size()));
        if (i % 120 == 119)
            tokens.append(u"\n\n"_s); // a paragraph now and then, as real answers have
    }
    tokens = tokens.mid(0, count);
    return tokens;
}

} // namespace juxta::test
