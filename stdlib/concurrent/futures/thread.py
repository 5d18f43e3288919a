"""ThreadPoolExecutor. tulip has no threads yet: submit() runs the callable
at once, in the calling thread, and returns its finished Future."""

import os

from ._base import Executor, Future

__all__ = ("ThreadPoolExecutor",)


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        # CPython's default pool size, although no thread is started here.
        self._max_workers = max_workers or min(32, (os.cpu_count() or 1) + 4)
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{id(self)}"
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        job = Future()
        job.set_running_or_notify_cancel()
        try:
            if not self._initialized:
                self._initialized = True
                if self._initializer is not None:
                    self._initializer(*self._initargs)
            outcome = fn(*args, **kwargs)
        except BaseException as exc:
            job.set_exception(exc)
        else:
            job.set_result(outcome)
        return job

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
