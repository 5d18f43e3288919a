"""TaskGroup (3.11): an async context manager that owns the tasks created
through it and waits for all of them on exit. The first failing child
cancels the others and the parent; the errors leave the block as one
ExceptionGroup."""

from . import events, tasks
from .exceptions import CancelledError

__all__ = ("TaskGroup",)


def _is_fatal(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._fatal = None                  # a SystemExit/KeyboardInterrupt to re-raise
        self._all_done = None               # future set when the last task ends

    def __repr__(self):
        words = []
        if self._tasks:
            words.append(f"tasks={len(self._tasks)}")
        if self._errors:
            words.append(f"errors={len(self._errors)}")
        if self._aborting:
            words.append("cancelling")
        elif self._entered:
            words.append("entered")
        return f"<TaskGroup{''.join(' ' + w for w in words)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent = tasks.current_task(self._loop)
        if self._parent is None:
            raise RuntimeError(f"TaskGroup {self!r} cannot determine the parent task")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._exiting = True
        cancellation = None                 # a CancelledError to pass on
        if exc is not None and _is_fatal(exc) and self._fatal is None:
            self._fatal = exc
        if exc_type is not None:
            if exc_type is CancelledError:
                # Swallow the cancellation the group itself caused; keep any
                # cancellation that came from outside.
                if not (self._parent_cancel_requested and not self._parent.uncancel()):
                    cancellation = exc
            if not self._aborting:
                self._abort()

        while self._tasks:
            if self._all_done is None:
                self._all_done = self._loop.create_future()
            try:
                await self._all_done
            except CancelledError as cancelled:
                if not self._aborting:
                    cancellation = cancelled
                    self._abort()
            self._all_done = None

        if self._fatal is not None:
            raise self._fatal
        if cancellation is not None and not self._errors:
            raise cancellation
        if exc_type is not None and exc_type is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors, self._errors = self._errors, None
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None

    def create_task(self, coro, *, name=None, context=None):
        problem = None
        if not self._entered:
            problem = "has not been entered"
        elif self._exiting and not self._tasks:
            problem = "is finished"
        elif self._aborting:
            problem = "is shutting down"
        if problem is not None:
            raise RuntimeError(f"TaskGroup {self!r} {problem}")
        extra = {} if context is None else {"context": context}
        task = self._loop.create_task(coro, **extra)
        tasks._set_task_name(task, name)
        task.add_done_callback(self._task_done)
        self._tasks.add(task)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _task_done(self, task):
        self._tasks.discard(task)
        if not self._tasks and self._all_done is not None and not self._all_done.done():
            self._all_done.set_result(True)
        exc = None if task.cancelled() else task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_fatal(exc) and self._fatal is None:
            self._fatal = exc
        if self._parent.done():
            # Nobody is left to receive the error: report it.
            self._loop.call_exception_handler({
                "message": f"Task {task!r} has errored out but its parent task {self._parent} is already completed",
                "exception": exc,
                "task": task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # Stop the siblings, and wake the parent if it is blocked in the
            # body: __aexit__ will swallow this cancellation.
            self._abort()
            self._parent_cancel_requested = True
            self._parent.cancel()
