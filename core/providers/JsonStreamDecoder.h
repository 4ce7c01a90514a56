// SPDX-License-Identifier: GPL-3.0-or-later
// Shared machinery for streams of JSON records framed as SSE or NDJSON: UTF-8 and JSON checks, truncation,
// bounded memory, and the "ended before its terminal event" rule. Dialects only map records to events.
// Internal to core: exposes nlohmann through JsonAccess.h.
#pragma once

#include "common/JsonAccess.h"
#include "providers/Provider.h"
#include "streaming/NdjsonParser.h"
#include "streaming/SseParser.h"

namespace juxta {

class JsonStreamDecoder : public StreamDecoder
{
public:
    enum class Framing { Sse, Ndjson };

    explicit JsonStreamDecoder(Framing framing);
    void feed(QByteArrayView bytes, QList<StreamEvent>& out) final;
    void finish(QList<StreamEvent>& out) final;
    QString servedModel() const override { return m_model; }
    bool isDone() const override { return m_stopped && !m_failed; }

protected:
    // One JSON record. `eventType` is the SSE event name ("message" when unnamed; empty for NDJSON).
    virtual void handleRecord(const json::Json& record, const QByteArray& eventType, QList<StreamEvent>& out) = 0;
    // A record that is not JSON. Return true when the dialect understands it (OpenAI's "[DONE]").
    virtual bool handleNonJson(QByteArrayView data, const QByteArray& eventType, QList<StreamEvent>& out);
    // At the end of the body: true when the dialect's terminal event arrived (emitting a Finish still owed).
    virtual bool completeAtEnd(QList<StreamEvent>& out) = 0;
    // What was missing when the stream ended early, for the error message ("no message_stop event").
    virtual QString missingTerminal() const = 0;

    void fail(ProviderError error, QList<StreamEvent>& out);
    // Fails the stream when a record is an error object (any shape ErrorBodies knows) or not an object at all;
    // returns true when it did, so handleRecord() can stop there.
    bool failOnErrorRecord(const json::Json& record, QList<StreamEvent>& out);
    void stopReading() { m_stopped = true; } // after a terminal marker nothing else belongs to the answer
    bool hasFailed() const { return m_failed; }
    void noteModel(const QString& model);

    static ProviderError malformed(const QString& message);
    static QString preview(QByteArrayView data);

private:
    void handleData(QByteArrayView data, const QByteArray& eventType, bool truncatedTail, QList<StreamEvent>& out);

    Framing m_framing;
    SseParser m_sse;
    NdjsonParser m_ndjson;
    QList<SseEvent> m_events; // reused between feeds
    QList<QByteArray> m_lines;
    QString m_model;
    qint64 m_records = 0;
    bool m_failed = false;
    bool m_stopped = false;
};

} // namespace juxta
