"""Waiting on time and on other awaitables: sleep, wait, wait_for,
as_completed."""

from _asyncio import _alarm, _await_natively, _yield_once

from . import coroutines, events, futures
from .exceptions import CancelledError
from .tasks import ensure_future

__all__ = ("ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "as_completed", "sleep", "wait", "wait_for")

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


# `await sleep(...)` of an int or float delay skips this body (and the
# coroutine): src/aio/shortcuts.rs does what it does.
@_await_natively
async def sleep(delay, result=None):
    """Suspend the current task for `delay` seconds, then return `result`."""
    if delay <= 0:
        # Yields None once: the task gives up exactly one loop iteration.
        await _yield_once()
        return result
    # A future that a timer finishes, awaited with no frame in between;
    # the timer is cancelled however the wait ends (src/aio/alarm.rs).
    return await _alarm(delay, result)


def _wake(waiter, *ignored):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    """Cancel `fut` and wait until it is really finished: a task may run
    cleanup code, even await, before it ends."""
    finished = fut.get_loop().create_future()

    def wake(_):
        _wake(finished)

    fut.add_done_callback(wake)
    try:
        fut.cancel()
        await finished
    finally:
        fut.remove_done_callback(wake)


async def wait_for(fut, timeout):
    """Await `fut` for at most `timeout` seconds; past that, cancel it,
    wait for it to end, and raise TimeoutError."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    alarm = loop.call_later(timeout, _wake, waiter)

    def on_done(_):
        _wake(waiter)

    fut.add_done_callback(on_done)
    try:
        try:
            await waiter
        except CancelledError:
            # The caller was cancelled: pass it on to `fut` unless it is done.
            if fut.done():
                return fut.result()
            fut.remove_done_callback(on_done)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(on_done)
        await _cancel_and_wait(fut)
        # `fut` may have finished anyway while being cancelled.
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        alarm.cancel()


def _reject_single(fs):
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks in iterable `fs`; return the sets
    (done, pending). A timeout does not raise: it only ends the wait."""
    _reject_single(fs)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = events.get_running_loop()
    fs = {ensure_future(f, loop=loop) for f in fs}

    waiter = loop.create_future()
    alarm = None if timeout is None else loop.call_later(timeout, _wake, waiter)
    remaining = len(fs)

    def on_done(f):
        nonlocal remaining
        remaining -= 1
        enough = (remaining <= 0 or return_when == FIRST_COMPLETED
                  or (return_when == FIRST_EXCEPTION and not f.cancelled()
                      and f.exception() is not None))
        if enough:
            if alarm is not None:
                alarm.cancel()
            _wake(waiter)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if alarm is not None:
            alarm.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done = {f for f in fs if f.done()}
    return done, fs - done


def as_completed(fs, *, timeout=None):
    """Yield awaitables that give the results of `fs` in the order they
    complete. Past `timeout`, the remaining ones raise TimeoutError. (A
    generator: nothing happens before the first next().)"""
    _reject_single(fs)
    from .queues import Queue
    finished = Queue()
    loop = events.get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    alarm = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_done)
            finished.put_nowait(None)     # None: "timed out" to the reader
        todo.clear()

    def on_done(f):
        if not todo:
            return
        todo.remove(f)
        finished.put_nowait(f)
        if not todo and alarm is not None:
            alarm.cancel()

    async def next_result():
        f = await finished.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_done)
    if todo and timeout is not None:
        alarm = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield next_result()
