// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ScriptSandbox.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
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

// One engine per thread: QJSEngine must be used on the thread that made it, and making one costs milliseconds.
// A worker's engine goes when its thread ends; the main thread's with the application (not at static
// destruction, after Qt is gone).
QJSEngine& threadEngine()
{
    QCoreApplication* app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread()) {
        static QPointer<QJSEngine> mainEngine;
        if (!mainEngine)
            mainEngine = new QJSEngine(app); // no extensions: no console, no timers, no I/O
        return *mainEngine;
    }
    thread_local std::unique_ptr<QJSEngine> engine;
    if (!engine)
        engine = std::make_unique<QJSEngine>();
    return *engine;
}

QString asExpression(const QString& script)
{
    return u"(function (text, items, vars) { return (\n"_s + script + u"\n); })"_s;
}

QString asBody(const QString& script)
{
    return u"(function (text, items, vars) {\n"_s + script + u"\n})"_s;
}

QString errorText(const QJSValue& error)
{
    const int line = error.property(u"lineNumber"_s).toInt();
    const QString message = error.property(u"message"_s).toString();
    return line > 1 ? u"%1 (line %2)"_s.arg(message.isEmpty() ? error.toString() : message).arg(line - 1)
                    : (message.isEmpty() ? error.toString() : message);
}

// The function the script becomes: an expression if it parses as one, else a function body.
QJSValue compile(QJSEngine& engine, const QString& script, QString& error)
{
    QJSValue function = engine.evaluate(asExpression(script));
    if (!function.isError())
        return function;
    function = engine.evaluate(asBody(script));
    if (function.isError()) {
        error = errorText(function);
        return {};
    }
    return function;
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
                        int timeoutMs)
{
    ScriptOutcome out;
    QJSEngine& engine = threadEngine();
    engine.setInterrupted(false);
    QString error;
    QJSValue function = compile(engine, script, error);
    if (!error.isEmpty()) {
        out.error = error;
        return out;
    }
    QJSValue items = engine.newArray(uint(input.isList ? input.items.size() : 1));
    const QStringList list = input.isList ? input.items : QStringList{input.text};
    for (int i = 0; i < list.size(); ++i)
        items.setProperty(quint32(i), list.at(i));
    QJSValue vars = engine.newObject();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        vars.setProperty(it.key(), it.value());

    // The watchdog: interrupts the engine from another thread once the time is up (setInterrupted is thread-safe).
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    bool fired = false;
    std::thread watchdog([&] {
        std::unique_lock lock(mutex);
        if (!finished.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&done] { return done; })) {
            fired = true;
            engine.setInterrupted(true);
        }
    });
    const QJSValue result = function.call({QJSValue(input.asText()), items, vars});
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    finished.notify_all();
    watchdog.join();
    engine.setInterrupted(false);

    if (fired) {
        out.timedOut = true;
        out.error = u"the script was stopped after %1 ms (its time limit)"_s.arg(timeoutMs);
        return out;
    }
    if (result.isError()) {
        out.error = errorText(result);
        return out;
    }
    out.truthy = result.toBool();
    if (result.isArray()) {
        QStringList values;
        const int length = result.property(u"length"_s).toInt();
        for (int i = 0; i < length; ++i) {
            const QJSValue item = result.property(quint32(i));
            values.append(item.isString() ? item.toString()
                                          : QString::fromUtf8(QJsonDocument::fromVariant(item.toVariant()).toJson(
                                                QJsonDocument::Compact)));
        }
        out.value = StepValue::ofList(values);
    } else if (result.isString() || result.isNumber() || result.isBool()) {
        out.value = StepValue::ofText(result.toString());
    } else if (result.isUndefined() || result.isNull()) {
        out.value = StepValue::ofText(QString());
    } else {
        const QJsonValue json = QJsonValue::fromVariant(result.toVariant());
        out.value = StepValue::ofText(json.isObject() ? QString::fromUtf8(QJsonDocument(json.toObject()).toJson(
                                                            QJsonDocument::Compact))
                                                      : result.toString());
    }
    return out;
}

} // namespace juxta
