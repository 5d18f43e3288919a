"""ThreadPoolExecutor: jobs run on a pool of worker threads, started as
jobs arrive until `max_workers` exist."""

import itertools
import os
import queue
import threading

from ._base import BrokenExecutor, Executor, Future

__all__ = ("ThreadPoolExecutor", "BrokenThreadPool")


class BrokenThreadPool(BrokenExecutor):
    """A worker's initializer failed: the pool runs nothing more."""


class _Job:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            outcome = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(outcome)


# Pools whose workers must finish their queued jobs before the interpreter exits.
_live_pools = []


def _finish_pools():
    for pool in list(_live_pools):
        pool.shutdown(wait=True)


threading._register_atexit(_finish_pools)


class ThreadPoolExecutor(Executor):
    _pool_numbers = itertools.count()

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{next(self._pool_numbers)}"
        self._initializer = initializer
        self._initargs = initargs
        self._jobs = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._lock = threading.Lock()
        _live_pools.append(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future = Future()
            self._jobs.put(_Job(future, fn, args, kwargs))
            self._add_worker_if_needed()
            return future

    def _add_worker_if_needed(self):
        if self._idle.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = f"{self._thread_name_prefix}_{len(self._threads)}"
            worker = threading.Thread(name=name, target=self._work, daemon=True)
            worker.start()
            self._threads.add(worker)

    def _work(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as exc:
                import sys
                print("Exception in initializer:", file=sys.stderr)
                sys.excepthook(type(exc), exc, exc.__traceback__)
                self._break()
                return
        while True:
            job = self._jobs.get()
            if job is None:
                # Pass the stop signal on to the next worker.
                self._jobs.put(None)
                return
            job.run()
            del job
            if self._shutdown:
                continue
            self._idle.release()

    def _break(self):
        with self._lock:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            while True:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job.future.set_exception(BrokenThreadPool(self._broken))
            self._jobs.put(None)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        job = self._jobs.get_nowait()
                    except queue.Empty:
                        break
                    if job is not None:
                        job.future.cancel()
            self._jobs.put(None)
        if wait:
            for worker in list(self._threads):
                if worker is not threading.current_thread():
                    worker.join()
        if self in _live_pools:
            _live_pools.remove(self)
