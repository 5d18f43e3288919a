"""Task: runs a coroutine on the event loop, one step per callback.

A step sends None (or throws an exception) into the coroutine. What the
coroutine yields decides when the next step runs: a future it awaits gets a
done-callback that schedules the step (`_wakeup`); a bare yield, as in
`sleep(0)`, schedules the step at once, so the task gives up exactly one
loop iteration."""

import contextvars
import inspect
import itertools
import types

from . import coroutines, events, futures
from .exceptions import CancelledError, InvalidStateError

__all__ = ("Task", "all_tasks", "create_task", "current_task", "ensure_future",
           "run_coroutine_threadsafe")

# Default task names are "Task-1", "Task-2", ... over the whole process.
_task_numbers = itertools.count(1)

_pending_tasks = set()      # tasks not finished yet, of every loop
_running_task = {}          # loop -> the task whose step is running on it


def _coro_description(coro, finished):
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None)
    if name is None:
        return repr(coro)
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    filename = getattr(code, "co_filename", None)
    if finished or frame is None:
        where = f" defined at {filename}:{code.co_firstlineno}" if filename else ""
        return f"{name}() done{',' if where else ''}{where}"
    line = getattr(frame, "f_lineno", None)
    if filename:
        return f"{name}() running at {filename}:{line}"
    return f"{name}() running"


class Task(futures.Future):
    __slots__ = ("_coro", "_name", "_context", "_waiting_on", "_must_cancel",
                 "_cancel_requests")

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        self._coro = coro
        self._name = f"Task-{next(_task_numbers)}" if name is None else str(name)
        self._context = contextvars.copy_context() if context is None else context
        self._waiting_on = None         # the future the coroutine awaits
        self._must_cancel = False       # cancel() came while no future was awaited
        self._cancel_requests = 0
        self._loop.call_soon(self._step, context=self._context)
        _pending_tasks.add(self)

    def _repr_words(self):
        words = super()._repr_words()
        if self._must_cancel:
            words[0] = "cancelling"
        words.insert(1, f"name={self._name!r}")
        words.insert(2, f"coro=<{_coro_description(self._coro, self.done())}>")
        if self._waiting_on is not None:
            words.insert(3, f"wait_for={self._waiting_on!r}")
        return words

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_stack(self, *, limit=None):
        frame = getattr(self._coro, "cr_frame", None)
        return [] if frame is None or limit == 0 else [frame]

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._cancel_requests += 1
        # Cancelling the awaited future wakes the task up with CancelledError;
        # if that future cannot be cancelled, the next step throws it.
        if self._waiting_on is not None and self._waiting_on.cancel(msg=msg):
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._cancel_requests

    def uncancel(self):
        if self._cancel_requests > 0:
            self._cancel_requests -= 1
        return self._cancel_requests

    # The hot path of every task switch: plain attribute and dict operations
    # rather than method calls.
    def _step(self, exc=None):
        if self._state != futures._PENDING:
            raise InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._waiting_on = None
        loop = self._loop
        running = _running_task.get(loop)
        if running is not None:
            raise RuntimeError(f"Cannot enter into task {self!r} while another "
                               f"task {running!r} is being executed.")
        _running_task[loop] = self
        try:
            self._advance(exc)
        finally:
            del _running_task[loop]
            if self._state != futures._PENDING:
                _pending_tasks.discard(self)

    def _advance(self, exc):
        try:
            if exc is None:
                yielded = self._coro.send(None)
            else:
                yielded = self._coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() arrived during the step in which the coroutine returned.
                self._must_cancel = False
                futures.Future.cancel(self, msg=self._cancel_message)
            else:
                futures.Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            futures.Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            futures.Future.set_exception(self, fatal)
            raise
        except BaseException as error:
            futures.Future.set_exception(self, error)
        else:
            self._block_on(yielded)

    def _block_on(self, yielded):
        """Arrange the next step after the coroutine yielded `yielded`."""
        if yielded is None:
            self._loop.call_soon(self._step, context=self._context)
            return
        blocking = getattr(yielded, "_asyncio_future_blocking", None)
        if blocking is None:
            if isinstance(yielded, types.GeneratorType):
                problem = RuntimeError(f"yield was used instead of yield from for generator "
                                       f"in task {self!r} with {yielded!r}")
            else:
                problem = RuntimeError(f"Task got bad yield: {yielded!r}")
        elif futures._get_loop(yielded) is not self._loop:
            problem = RuntimeError(f"Task {self!r} got Future {yielded!r} attached to a different loop")
        elif not blocking:
            problem = RuntimeError(f"yield was used instead of yield from in task {self!r} with {yielded!r}")
        elif yielded is self:
            problem = RuntimeError(f"Task cannot await on itself: {self!r}")
        else:
            yielded._asyncio_future_blocking = False
            yielded.add_done_callback(self._wakeup, context=self._context)
            self._waiting_on = yielded
            if self._must_cancel and yielded.cancel(msg=self._cancel_message):
                self._must_cancel = False
            return
        self._loop.call_soon(self._step, problem, context=self._context)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


def current_task(loop=None):
    """The task running on `loop` (the running loop by default), or None."""
    if loop is None:
        loop = events.get_running_loop()
    return _running_task.get(loop)


def all_tasks(loop=None):
    """The unfinished tasks of `loop` (the running loop by default)."""
    if loop is None:
        loop = events.get_running_loop()
    return {task for task in list(_pending_tasks)
            if futures._get_loop(task) is loop and not task.done()}


def create_task(coro, *, name=None, context=None):
    """Schedule coroutine `coro` on the running loop; its first step runs
    in the loop's next iteration."""
    loop = events.get_running_loop()
    # The task gets a default name first (using up a number), then `name`.
    extra = {} if context is None else {"context": context}
    task = loop.create_task(coro, **extra)
    _set_task_name(task, name)
    return task


class _AwaitableWrapper:
    """Turns an object with __await__ into a coroutine for a Task."""

    def __init__(self, awaitable):
        self._awaitable = awaitable

    async def run(self):
        return await self._awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A future for the argument: futures as they are, coroutines and other
    awaitables wrapped in a task."""
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError("The future belongs to a different loop than "
                             "the one specified as the loop argument")
        return coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro_or_future):
        if not inspect.isawaitable(coro_or_future):
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        coro_or_future = _AwaitableWrapper(coro_or_future).run()
        wrapped = True
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if wrapped:
            coro_or_future.close()
        raise


def run_coroutine_threadsafe(coro, loop):
    """Run `coro` as a task of `loop`; its outcome arrives in the returned
    concurrent.futures.Future. (tulip has no threads: call it from code that
    does not block the loop, such as a callback.)"""
    if not coroutines.iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import concurrent.futures
    outcome = concurrent.futures.Future()

    def copy_outcome(task):
        if not outcome.set_running_or_notify_cancel():
            return
        if task.cancelled():
            outcome.cancel()
        elif task.exception() is not None:
            outcome.set_exception(task.exception())
        else:
            outcome.set_result(task.result())

    def start():
        try:
            task = ensure_future(coro, loop=loop)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if outcome.set_running_or_notify_cancel():
                outcome.set_exception(exc)
            raise
        def cancel_task(_):
            if outcome.cancelled():
                loop.call_soon_threadsafe(task.cancel)

        task.add_done_callback(copy_outcome)
        outcome.add_done_callback(cancel_task)

    loop.call_soon_threadsafe(start)
    return outcome
