// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a job on a thread pool and hands back its result as a QFuture (QtConcurrent without the extra module).
// Watch the future with a QFutureWatcher owned by the object that wants the result: it goes away with that object.
#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace juxta {

template <typename T>
QFuture<T> runInPool(QThreadPool& pool, std::function<T()> job)
{
    auto promise = std::make_shared<QPromise<T>>(); // shared: QThreadPool takes copyable jobs only
    QFuture<T> future = promise->future();
    promise->start();
    pool.start([promise, job = std::move(job)] {
        promise->addResult(job());
        promise->finish();
    });
    return future;
}

} // namespace juxta
