"""Task: runs a coroutine on the event loop, one step per callback.

The type itself is native (`_asyncio.Task`, src/aio/task.rs), as are the
registry of tasks and current_task(); this module adds the functions around
it and the repr."""

import inspect

from _asyncio import (Task, current_task, _enter_task, _leave_task, _register_task,
                      _registered_tasks, _unregister_task)

from . import coroutines, events, futures

__all__ = ("Task", "all_tasks", "create_task", "current_task", "ensure_future",
           "run_coroutine_threadsafe")


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


def _task_repr(task):
    """repr() of a Task (called by the native type)."""
    words = futures._repr_words(task)
    if task._must_cancel:
        words[0] = "cancelling"
    words.insert(1, f"name={task.get_name()!r}")
    words.insert(2, f"coro=<{_coro_description(task.get_coro(), task.done())}>")
    if task._fut_waiter is not None:
        words.insert(3, f"wait_for={task._fut_waiter!r}")
    return f"<{type(task).__name__} {' '.join(words)}>"


def _print_stack(task, *, limit=None, file=None):
    """Task.print_stack(): where the suspended coroutine is, or the
    traceback of the exception the task ended with."""
    import linecache
    import traceback
    exc = task._exception
    entries = [traceback.FrameSummary(f.f_code.co_filename, f.f_lineno, f.f_code.co_name,
                                      line=linecache.getline(f.f_code.co_filename, f.f_lineno))
               for f in task.get_stack(limit=limit)]
    if not entries and exc is not None:
        entries = traceback.extract_tb(exc.__traceback__, limit=limit)
    if not entries:
        print(f"No stack for {task!r}", file=file)
    elif exc is not None:
        print(f"Traceback for {task!r} (most recent call last):", file=file)
    else:
        print(f"Stack for {task!r} (most recent call last):", file=file)
    traceback.print_list(entries, file=file)
    if exc is not None:
        for line in traceback.format_exception_only(type(exc), exc):
            print(line, file=file, end="")


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


def all_tasks(loop=None):
    """The unfinished tasks of `loop` (the running loop by default)."""
    if loop is None:
        loop = events.get_running_loop()
    return {task for task in _registered_tasks()
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
    if type(coro_or_future) is Task:
        # The common case, without isfuture()'s and _get_loop()'s lookups.
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError("The future belongs to a different loop than "
                             "the one specified as the loop argument")
        return coro_or_future
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
