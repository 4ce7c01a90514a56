// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ScriptSandbox.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QJSValueIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr qsizetype kMaxScriptChars = 256 * 1024;
constexpr int kMaxResultDepth = 64;
constexpr qsizetype kMaxResultItems = 1'000'000;

// The global object and every built-in reachable from it, frozen once per engine: a script cannot change
// Array.prototype (or anything else) for the scripts that run after it on the same thread, nor leave globals.
const char* const kFreeze = R"JS((function (global) {
    'use strict';
    const seen = new Set();
    function freeze(value) {
        if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
            return;
        seen.add(value);
        Object.freeze(value);
        for (const key of Object.getOwnPropertyNames(value)) {
            const d = Object.getOwnPropertyDescriptor(value, key);
            if (d && 'value' in d)
                freeze(d.value);
        }
        freeze(Object.getPrototypeOf(value));
    }
    freeze(global);
}))JS";

QJSEngine* makeEngine(QObject* parent)
{
    auto* engine = new QJSEngine(parent); // no extensions installed: no console, no timers, no I/O, no modules
    // (Qt 6.4's engine has no globalThis: the global object is handed in.)
    engine->evaluate(QString::fromLatin1(kFreeze)).call({engine->globalObject()});
    return engine;
}

// One engine per thread: QJSEngine must be used on the thread that made it, and making one costs milliseconds.
// A worker's engine goes when its thread ends; the main thread's with the application (not at static
// destruction, after Qt is gone).
QJSEngine& threadEngine()
{
    QCoreApplication* app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread()) {
        static QPointer<QJSEngine> mainEngine;
        if (!mainEngine)
            mainEngine = makeEngine(app);
        return *mainEngine;
    }
    thread_local std::unique_ptr<QJSEngine> engine;
    if (!engine)
        engine.reset(makeEngine(nullptr));
    return *engine;
}

QString errorText(const QJSValue& error)
{
    const QString message = error.property(u"message"_s).toString();
    const int line = error.property(u"lineNumber"_s).toInt();
    const QString text = message.isEmpty() ? error.toString() : message;
    return line > 0 ? u"%1 (line %2)"_s.arg(text).arg(line) : text;
}

// The script as a function of (text, items, vars), made by the Function constructor: its body is parsed on its
// own and nothing in it runs, so no text can close the function early and run code while it is being made.
// An expression if it parses as one, else a function body.
QJSValue compile(QJSEngine& engine, const QString& script, QString& error)
{
    if (script.size() > kMaxScriptChars) {
        error = u"the script is longer than %1 characters"_s.arg(kMaxScriptChars);
        return {};
    }
    QJSValue constructor = engine.globalObject().property(u"Function"_s);
    const auto make = [&constructor](const QString& body) {
        return constructor.callAsConstructor({QJSValue(u"text"_s), QJSValue(u"items"_s), QJSValue(u"vars"_s),
                                              QJSValue(u"'use strict';\n"_s + body)});
    };
    QJSValue function = make(u"return (\n"_s + script + u"\n);"_s);
    if (!function.isError())
        return function;
    function = make(script);
    if (function.isError()) {
        error = errorText(function);
        return {};
    }
    return function;
}

// A result as JSON, no deeper than kMaxResultDepth and no larger than kMaxResultItems (the conversion runs after
// the watchdog, so it must be bounded itself).
std::optional<QJsonValue> toJson(const QJSValue& v, int depth, qsizetype& budget, QString& error)
{
    if (--budget < 0) {
        error = u"the script's result has more than %1 values"_s.arg(kMaxResultItems);
        return std::nullopt;
    }
    if (v.isString())
        return QJsonValue(v.toString());
    if (v.isBool())
        return QJsonValue(v.toBool());
    if (v.isNumber())
        return QJsonValue(v.toNumber());
    if (v.isNull() || v.isUndefined() || v.isCallable())
        return QJsonValue(QJsonValue::Null);
    if (depth >= kMaxResultDepth) {
        error = u"the script's result nests deeper than %1"_s.arg(kMaxResultDepth);
        return std::nullopt;
    }
    if (v.isArray()) {
        QJsonArray array;
        const qint64 length = v.property(u"length"_s).toInt();
        for (qint64 i = 0; i < length; ++i) {
            const std::optional<QJsonValue> item = toJson(v.property(quint32(i)), depth + 1, budget, error);
            if (!item)
                return std::nullopt;
            array.append(*item);
        }
        return QJsonValue(array);
    }
    QJsonObject object;
    QJSValueIterator it(v);
    while (it.hasNext()) {
        it.next();
        const std::optional<QJsonValue> item = toJson(it.value(), depth + 1, budget, error);
        if (!item)
            return std::nullopt;
        object.insert(it.name(), *item);
    }
    return QJsonValue(object);
}

QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

} // namespace

QString scriptSyntaxError(const QString& script)
{
    if (script.trimmed().isEmpty())
        return u"the script is empty"_s;
    QString error;
    compile(threadEngine(), script, error);
    return error;
}

ScriptOutcome runScript(const QString& script, const StepValue& input, const QHash<QString, QString>& variables,
                        int timeoutMs, const std::atomic<bool>* cancelled)
{
    ScriptOutcome out;
    QJSEngine& engine = threadEngine();
    engine.setInterrupted(false);

    // The watchdog: interrupts the engine from another thread once the time is up or the run is cancelled
    // (setInterrupted is thread-safe). It watches compiling too.
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    bool timedOut = false;
    bool stopped = false;
    std::thread watchdog([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        std::unique_lock lock(mutex);
        while (!done) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) {
                timedOut = true;
                break;
            }
            if (cancelled && cancelled->load()) {
                stopped = true;
                break;
            }
            finished.wait_for(lock, std::min(deadline - now, std::chrono::steady_clock::duration(std::chrono::milliseconds(50))));
        }
        if (timedOut || stopped)
            engine.setInterrupted(true);
    });
    QString error;
    QJSValue result;
    const QJSValue function = compile(engine, script, error);
    if (error.isEmpty()) {
        QJSValue items = engine.newArray(uint(input.isList ? input.items.size() : 1));
        const QStringList list = input.isList ? input.items : QStringList{input.text};
        for (int i = 0; i < list.size(); ++i)
            items.setProperty(quint32(i), list.at(i));
        QJSValue vars = engine.newObject();
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            vars.setProperty(it.key(), it.value());
        result = function.call({QJSValue(input.asText()), items, vars});
    }
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    finished.notify_all();
    watchdog.join();
    engine.setInterrupted(false);

    if (timedOut || stopped) {
        out.timedOut = timedOut;
        out.error = timedOut ? u"the script was stopped after %1 ms (its time limit)"_s.arg(timeoutMs) : u"cancelled"_s;
        return out;
    }
    if (!error.isEmpty() || result.isError()) {
        out.error = error.isEmpty() ? errorText(result) : error;
        return out;
    }
    out.truthy = result.toBool();
    qsizetype budget = kMaxResultItems;
    const std::optional<QJsonValue> json = toJson(result, 0, budget, out.error);
    if (!json)
        return out;
    if (json->isArray()) {
        QStringList values;
        for (const QJsonValue& item : json->toArray())
            values.append(textOf(item));
        out.value = StepValue::ofList(values);
    } else {
        out.value = StepValue::ofText(textOf(*json));
    }
    return out;
}

} // namespace juxta
