"""concurrent.futures' Future, Executor, wait() and as_completed().

A Future is finished by whichever thread runs its job; the threads that
wait on it sleep on its condition variable."""

import collections
import threading
import time

__all__ = ("ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION", "BrokenExecutor",
           "CancelledError", "Error", "Executor", "Future", "InvalidStateError",
           "TimeoutError", "as_completed", "wait")

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_RUNNING = "RUNNING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Error(Exception):
    """Base class of the concurrent.futures errors."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The future is not in a state that allows the operation."""


class BrokenExecutor(RuntimeError):
    """The executor cannot run jobs any more."""


DoneAndNotDoneFutures = collections.namedtuple("DoneAndNotDoneFutures", "done not_done")


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        # Conditions of wait()/as_completed() calls to notify when this finishes.
        self._watchers = []

    def __repr__(self):
        where = f"at {id(self):#x} state={self._state.lower()}"
        if self._state == _FINISHED:
            if self._exception is not None:
                return f"<Future {where} raised {type(self._exception).__name__}>"
            return f"<Future {where} returned {type(self._result).__name__}>"
        return f"<Future {where}>"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def _run_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._call(fn)

    def _call(self, fn):
        try:
            fn(self)
        except Exception as exc:
            import sys
            print(f"exception calling callback for {self!r}", file=sys.stderr)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _settle(self, state):
        """Enters a final state (with the condition held) and wakes everyone."""
        self._state = state
        if self._condition._waiters:
            self._condition.notify_all()
        for watcher in self._watchers:
            with watcher:
                watcher.notify_all()

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._settle(_CANCELLED)
        self._run_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def add_done_callback(self, fn):
        with self._condition:
            if not self.done():
                self._callbacks.append(fn)
                return
        self._call(fn)

    def _wait_until_done(self, timeout):
        with self._condition:
            if not self.done():
                self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state != _FINISHED:
                raise TimeoutError()

    def result(self, timeout=None):
        self._wait_until_done(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait_until_done(timeout)
        return self._exception

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state != _PENDING:
                raise RuntimeError(f"Future in unexpected state: {self._state}")
            self._state = _RUNNING
            return True

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError(f"{self._state}: {self!r}")
            self._result = result
            self._settle(_FINISHED)
        self._run_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self.done():
                raise InvalidStateError(f"{self._state}: {self!r}")
            self._exception = exception
            self._settle(_FINISHED)
        self._run_callbacks()


class Executor:
    """Runs callables and gives their outcome as Futures."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        deadline = None if timeout is None else time.monotonic() + timeout
        jobs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                jobs.reverse()
                while jobs:
                    job = jobs.pop()
                    if deadline is None:
                        yield job.result()
                    else:
                        yield job.result(deadline - time.monotonic())
            finally:
                for job in jobs:
                    job.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.shutdown(wait=True)
        return False


class _Watch:
    """Registers a condition with futures for the length of a wait."""

    def __init__(self, futures):
        self.condition = threading.Condition()
        self.futures = futures

    def __enter__(self):
        for f in self.futures:
            with f._condition:
                f._watchers.append(self.condition)
        return self.condition

    def __exit__(self, *exc):
        for f in self.futures:
            with f._condition:
                f._watchers.remove(self.condition)


def _satisfied(done, pending, return_when):
    if not pending:
        return True
    if return_when == FIRST_COMPLETED:
        return bool(done)
    if return_when == FIRST_EXCEPTION:
        return any(not f.cancelled() and f._exception is not None for f in done)
    return False


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures `fs`; returns the (done, not_done) sets."""
    fs = set(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    with _Watch(fs) as changed:
        with changed:
            while True:
                done = {f for f in fs if f.done()}
                pending = fs - done
                if _satisfied(done, pending, return_when):
                    break
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                changed.wait(left)
    return DoneAndNotDoneFutures(done, pending)


def as_completed(fs, timeout=None):
    """Yields the futures of `fs` as they finish (the finished ones first);
    raises TimeoutError if some are unfinished when `timeout` runs out."""
    fs = set(fs)
    total = len(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    pending = set(fs)
    with _Watch(fs) as changed:
        while pending:
            with changed:
                finished = {f for f in pending if f.done()}
                if not finished:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        raise TimeoutError(f"{len(pending)} (of {total}) futures unfinished")
                    changed.wait(left)
                    continue
            pending -= finished
            yield from finished
