#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace sb {

// Runs `work` on `pool` and hands its result to `then` on the owner's thread. The watcher is a child of the
// owner, so when the owner is destroyed before the work finishes, the callback is simply never called.
// `work` must not touch the owner: capture values and the Backend, never `this`.
template <typename Work, typename Then> void runAsync(QObject* owner, QThreadPool* pool, Work work, Then then)
{
    using ResultType = std::invoke_result_t<Work>;
    static_assert(!std::is_void_v<ResultType>, "use runDetached() for work without a result");
    auto* watcher = new QFutureWatcher<ResultType>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, then = std::move(then)]() mutable {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

// Work whose outcome nobody waits for (releasing reservations when a dialog goes away).
template <typename Work> void runDetached(QThreadPool* pool, Work work)
{
    pool->start([work = std::move(work)]() mutable { work(); });
}

} // namespace sb
