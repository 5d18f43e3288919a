"""concurrent.futures' Future, Executor, wait() and as_completed().

tulip has no threads yet: executors run each job when it is submitted, so
a Future is usually finished when the caller first sees it. A future that
nobody finishes can never finish, so waiting on one only times out."""

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


def _never_finishes(timeout):
    """What waiting on a pending future amounts to without threads."""
    if timeout is not None and timeout > 0:
        time.sleep(timeout)
    raise TimeoutError()


class Future:
    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        where = f"at {id(self):#x} state={self._state.lower()}"
        if self._state == _FINISHED:
            if self._exception is not None:
                return f"<Future {where} raised {type(self._exception).__name__}>"
            return f"<Future {where} returned {type(self._result).__name__}>"
        return f"<Future {where}>"

    def __class_getitem__(cls, item):
        return cls

    def _run_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._call(fn)

    def _call(self, fn):
        try:
            fn(self)
        except Exception as exc:
            import sys
            print(f"exception calling callback for {self!r}: {exc!r}", file=sys.stderr)

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state != _CANCELLED:
            self._state = _CANCELLED
            self._run_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def add_done_callback(self, fn):
        if self.done():
            self._call(fn)
        else:
            self._callbacks.append(fn)

    def result(self, timeout=None):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            _never_finishes(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            _never_finishes(timeout)
        return self._exception

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            return False
        if self._state != _PENDING:
            raise RuntimeError(f"Future in unexpected state: {self._state}")
        self._state = _RUNNING
        return True

    def _finish(self):
        self._state = _FINISHED
        self._run_callbacks()

    def set_result(self, result):
        if self.done():
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._finish()

    def set_exception(self, exception):
        if self.done():
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._exception = exception
        self._finish()


class Executor:
    """Runs callables and gives their outcome as Futures."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        jobs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            for job in jobs:
                yield job.result(timeout)
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.shutdown(wait=True)
        return False


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """(done, not_done) sets of futures. Without threads nothing finishes
    while we wait, so the answer is known at once."""
    fs = set(fs)
    done = {f for f in fs if f.done()}
    pending = fs - done
    if pending and timeout is not None and timeout > 0:
        satisfied = (return_when == FIRST_COMPLETED and done) or (
            return_when == FIRST_EXCEPTION
            and any(not f.cancelled() and f.exception() is not None for f in done))
        if not satisfied:
            time.sleep(timeout)
    return done, pending


def as_completed(fs, timeout=None):
    """Yield the futures of `fs` as they finish: here, the finished ones,
    then TimeoutError if some never will."""
    fs = set(fs)
    pending = len(fs)
    for f in fs:
        if f.done():
            pending -= 1
            yield f
    if pending:
        _never_finishes(timeout)
        raise TimeoutError(f"{pending} (of {len(fs)}) futures unfinished")
