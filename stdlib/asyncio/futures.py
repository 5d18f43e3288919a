"""Future: the eventual outcome of an operation, awaitable by coroutines.

Awaiting a pending future yields the future itself with
`_asyncio_future_blocking` set: that is how the task running the coroutine
learns what to wait for (see tasks.Task._block_on)."""

import contextvars

from . import events
from .exceptions import CancelledError, InvalidStateError

__all__ = ("Future", "isfuture", "wrap_future")

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """True for asyncio futures and for objects that follow their protocol."""
    return (hasattr(type(obj), "_asyncio_future_blocking")
            and obj._asyncio_future_blocking is not None)


def _callback_name(fn):
    return (getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
            or type(fn).__name__) + "()"


class Future:
    # Slots: a program may hold many thousands of pending futures. The
    # __dict__ slot still lets code add attributes, as on CPython's futures.
    __slots__ = ("_log_traceback", "_state", "_result", "_exception", "_loop",
                 "_callbacks", "_cancel_message", "_cancelled_exc",
                 "_asyncio_future_blocking", "__dict__")

    def __init__(self, *, loop=None):
        self._log_traceback = False     # first: __del__ reads it
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._loop = events.get_event_loop() if loop is None else loop
        self._callbacks = []
        self._cancel_message = None
        # The CancelledError a task ended with: the first result() re-raises it.
        self._cancelled_exc = None
        # None would mark "not a future" for isfuture(); a bool on futures.
        self._asyncio_future_blocking = False

    def __class_getitem__(cls, item):
        return cls

    def __del__(self):
        # An exception nobody asked for (result(), exception(), await) would
        # go unnoticed: report it when the future is freed, as CPython does.
        if self._log_traceback:
            self._loop.call_exception_handler({
                "message": f"{type(self).__name__} exception was never retrieved",
                "exception": self._exception,
                "future": self,
            })

    def _repr_words(self):
        words = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                words.append(f"exception={self._exception!r}")
            else:
                words.append(f"result={self._result!r}")
        if self._callbacks:
            names = [_callback_name(fn) for fn, _ in self._callbacks]
            if len(names) > 2:
                names = [names[0], f"<{len(names) - 2} more>", names[-1]]
            words.append(f"cb=[{', '.join(names)}]")
        return words

    def __repr__(self):
        return f"<{type(self).__name__} {' '.join(self._repr_words())}>"

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        exc, self._cancelled_exc = self._cancelled_exc, None
        if exc is not None:
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn, context in callbacks:
            self._loop.call_soon(fn, self, context=context)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if context is None:
            context = contextvars.copy_context()
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [entry for entry in self._callbacks if entry[0] != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError("invalid exception object")
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


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
