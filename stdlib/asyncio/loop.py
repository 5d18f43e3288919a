"""EventLoop: CPython's scheduling order.

One FIFO of ready handles is shared by task steps and call_soon callbacks;
timers wait in a heap ordered by deadline (ties in heap order, as in
CPython). Each iteration queues the handles of ready descriptors, then
moves the due timers onto the ready queue, then runs exactly the handles
that were ready when the iteration began: a handle scheduled while the
iteration runs waits for the next one. With nothing ready, the loop sleeps
in poll(2) until a watched descriptor is ready, the earliest deadline
passes, or another thread wakes it (call_soon_threadsafe); see
readiness.py."""

import sys
import weakref

import _asyncio

from . import coroutines, events, futures, gathering, tasks
from .readiness import Readiness
from .signals import SignalHandling

__all__ = ("EventLoop",)

# Rebuild the timer heap once this many cancelled timers sit in it and they
# are more than half of it, so that many cancelled timeouts do not pile up.
_CANCELLED_TIMERS_COMPACT = 100    # also in src/aio/ready.rs


# The longest single wait for a timer (CPython's select() timeout cap): a
# far deadline is reached in several waits.
_LONGEST_WAIT = 24 * 3600


def _stop_loop_when_done(fut):
    # SystemExit and KeyboardInterrupt already stop the loop by propagating.
    if not fut.cancelled() and isinstance(fut.exception(), (SystemExit, KeyboardInterrupt)):
        return
    futures._get_loop(fut).stop()


def _check_callback(callback, method):
    """The callback checks CPython makes in debug mode (and always in run_in_executor)."""
    if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
        raise TypeError(f"coroutines cannot be used with {method}()")
    if not callable(callback):
        raise TypeError(f"a callable object was expected by {method}(), got {callback!r}")


class _UnixSelectorEventLoop(Readiness, SignalHandling, events.AbstractEventLoop):
    def __init__(self):
        self._ready = _asyncio.ReadyQueue()
        self._timers = []               # heap of TimerHandles by deadline (src/aio/timer_heap.rs)
        self._cancelled_timers = 0
        self._stopping = False
        self._running = False
        self._closed = False
        self._debug = False
        self._exception_handler = None
        self._task_factory = None
        self._default_executor = None
        # Weak, so that an abandoned async generator is freed (and its
        # finalizer schedules aclose()) as soon as nothing else holds it.
        self._asyncgens = weakref.WeakSet()
        self._asyncgens_shutdown_called = False
        self._init_readiness()
        self._signal_handlers = {}      # signal number -> Handle (signals.py)
        self._signals_arrived = []

    def __repr__(self):
        return f"<{type(self).__name__} running={self._running} closed={self._closed} debug={self._debug}>"

    # -- state --

    # time.monotonic(), native (src/aio/running.rs) as call_later, which
    # reads it, and create_future are.
    time = _asyncio.time

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    # -- scheduling --

    # call_soon(callback, *args, context=None), native: every task step and
    # done callback is scheduled through it (src/aio/handle.rs).
    call_soon = _asyncio.call_soon

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon from any thread: the loop wakes up if it is waiting."""
        handle = self.call_soon(callback, *args, context=context)
        self._wake_up()
        return handle

    # call_later(delay, callback, *args, context=None), native:
    # call_at(self.time() + delay, ...).
    call_later = _asyncio.call_later

    # call_at(when, callback, *args, context=None), native: files a
    # TimerHandle in the heap of (when, timer) (src/aio/timer.rs).
    call_at = _asyncio.call_at

    def _timer_handle_cancelled(self, timer):
        self._cancelled_timers += 1

    create_future = _asyncio.create_future

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is not None:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
            return task
        return tasks.Task(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- running --

    def _check_can_run(self):
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        self._check_can_run()
        saved_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_first_iteration,
                               finalizer=self._asyncgen_finalize)
        self._running = True
        events._set_running_loop(self)
        try:
            while True:
                # Iterations that make no system call (something ready,
                # nothing watched) go natively until one needs _run_once.
                _asyncio._run_ready_only(self)
                if self._stopping:
                    break
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*saved_hooks)

    def run_until_complete(self, future):
        self._check_can_run()
        wrapped = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop_when_done)
        try:
            self.run_forever()
        except BaseException:
            if wrapped and future.done() and not future.cancelled():
                future.exception()     # the error propagates: it counts as retrieved
            raise
        finally:
            future.remove_done_callback(_stop_loop_when_done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._timers.clear()
        self._cancelled_timers = 0
        self._close_readiness()
        self._close_signal_handling()
        executor, self._default_executor = self._default_executor, None
        if executor is not None:
            executor.shutdown(wait=False)

    def _next_timeout(self):
        """How long the coming iteration may wait for a timer: 0 when
        something is ready or a stop is pending, None with no timers."""
        timers = self._timers
        if timers:
            self._cancelled_timers -= _asyncio._drop_cancelled_timers(timers)
        if self._ready or self._stopping:
            return 0
        if not timers:
            return None
        return max(0, _asyncio._timer_deadline(timers[0]) - self.time())

    def _compact_timers(self):
        _asyncio._compact_timers(self._timers)
        self._cancelled_timers = 0

    def _run_once(self):
        if (self._cancelled_timers > _CANCELLED_TIMERS_COMPACT
                and 2 * self._cancelled_timers > len(self._timers)):
            self._compact_timers()
        timeout = self._next_timeout()
        # With nothing watched and something ready, skip the system call.
        if timeout != 0 or self._readers or self._writers:
            self._poll(None if timeout is None else min(timeout, _LONGEST_WAIT))
        timers = self._timers
        if timers:
            # A timer is due when its deadline is before now plus the
            # clock's resolution (1 ns for time.monotonic).
            self._cancelled_timers -= _asyncio._pop_due_timers(
                timers, self.time() + 1e-09, self._ready)
        # Exactly the handles ready now; those they schedule wait.
        self._ready.run(len(self._ready))

    # -- errors --

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the error report to stderr, where CPython's logger writes it."""
        message = context.get("message") or "Unhandled exception in event loop"
        lines = [message]
        for key in sorted(context):
            if key not in ("message", "exception"):
                lines.append(f"{key}: {context[key]!r}")
        exc = context.get("exception")
        if exc is not None:
            # As CPython's logger does with exc_info: the whole traceback.
            import traceback
            lines.append("".join(traceback.format_exception(exc)).rstrip("\n"))
        print("\n".join(lines), file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print("Exception in default exception handler", file=sys.stderr)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print("Exception in default exception handler while handling an "
                      "unexpected error in custom exception handler", file=sys.stderr)

    # -- async generators --

    def _asyncgen_first_iteration(self, agen):
        if self._asyncgens_shutdown_called:
            import warnings
            warnings.warn(f"asynchronous generator {agen!r} was scheduled after "
                          f"loop.shutdown_asyncgens() call", ResourceWarning, source=self)
        self._asyncgens.add(agen)

    def _asyncgen_finalize(self, agen):
        self._asyncgens.discard(agen)
        if not self._closed:
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Close the async generators that are still suspended."""
        self._asyncgens_shutdown_called = True
        if not self._asyncgens:
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        outcomes = await gathering.gather(*[agen.aclose() for agen in closing],
                                      return_exceptions=True)
        for agen, outcome in zip(closing, outcomes):
            if isinstance(outcome, Exception):
                self.call_exception_handler({
                    "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                    "exception": outcome,
                    "asyncgen": agen,
                })

    # -- executors --

    def run_in_executor(self, executor, func, *args):
        """Runs `func(*args)` on a worker thread; the returned future
        resolves on the loop when it is done."""
        self._check_closed()
        _check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            if executor is None:
                from concurrent.futures import ThreadPoolExecutor
                executor = self._default_executor = ThreadPoolExecutor(
                    thread_name_prefix="asyncio")
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        from concurrent.futures import ThreadPoolExecutor
        if not isinstance(executor, ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor")
        self._default_executor = executor

    async def shutdown_default_executor(self):
        """Waits, without blocking the loop, for the default executor's
        jobs to finish and its threads to end."""
        executor, self._default_executor = self._default_executor, None
        if executor is None:
            return
        import threading
        finished = self.create_future()

        def shut_down():
            try:
                executor.shutdown(wait=True)
            finally:
                self.call_soon_threadsafe(futures._set_result_unless_cancelled, finished, None)

        closer = threading.Thread(target=shut_down)
        closer.start()
        try:
            await finished
        finally:
            closer.join()


# CPython's loop class on Unix is _UnixSelectorEventLoop, the name reprs and
# type() show; EventLoop is tulip's own name for it.
EventLoop = _UnixSelectorEventLoop
