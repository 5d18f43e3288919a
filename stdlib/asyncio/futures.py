"""Future: the eventual outcome of an operation, awaitable by coroutines.

The type itself is native (`_asyncio.Future`, src/aio/future.rs); this
module adds what is written more clearly in Python: its repr, isfuture()
and the bridge from concurrent.futures."""

import reprlib

from _asyncio import Future

from . import events, handles

__all__ = ("Future", "isfuture", "wrap_future")


def isfuture(obj):
    """True for asyncio futures and for objects that follow their protocol."""
    return (hasattr(type(obj), "_asyncio_future_blocking")
            and obj._asyncio_future_blocking is not None)


def _repr_words(fut):
    """The words of a future's repr after its class name (a task's repr
    inserts its own)."""
    state = fut._state
    words = [state.lower()]
    if state == "FINISHED":
        if fut._exception is not None:
            words.append(f"exception={fut._exception!r}")
        else:
            words.append(f"result={reprlib.repr(fut._result)}")
    if fut._callbacks:
        names = [handles._describe_callback(fn, ()) for fn, _ in fut._callbacks]
        if len(names) > 2:
            names = [names[0], f"<{len(names) - 2} more>", names[-1]]
        words.append(f"cb=[{', '.join(names)}]")
    return words


def _future_repr(fut):
    """repr() of a Future (called by the native type)."""
    return f"<{type(fut).__name__} {' '.join(_repr_words(fut))}>"


class _Gone:
    """Stands for a freed future in an error report: its repr from when it
    finished."""

    def __init__(self, text):
        self._text = text

    def __repr__(self):
        return self._text


def _report_unretrieved(loop, exc, what, is_task):
    """Called when a future whose exception nobody retrieved is freed."""
    kind = "Task" if is_task else "Future"
    loop.call_exception_handler({
        "message": f"{kind} exception was never retrieved",
        "exception": exc,
        "future": _Gone(what),
    })


def _get_loop(fut):
    get_loop = getattr(fut, "get_loop", None)
    return get_loop() if get_loop is not None else fut._loop


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _copy_concurrent_state(source, target):
    """Give asyncio future `target` the outcome of the finished
    concurrent.futures future `source`."""
    if target.cancelled():
        return
    if source.cancelled():
        target.cancel()
    elif source.exception() is not None:
        target.set_exception(source.exception())
    else:
        target.set_result(source.result())


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if loop is None:
        loop = events.get_event_loop()
    follower = loop.create_future()

    def cancel_source(follower):
        if follower.cancelled():
            future.cancel()

    def copy_back(source):
        if not loop.is_closed():
            loop.call_soon_threadsafe(_copy_concurrent_state, source, follower)

    follower.add_done_callback(cancel_source)
    future.add_done_callback(copy_back)
    return follower
