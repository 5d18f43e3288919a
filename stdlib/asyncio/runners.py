"""asyncio.run() and Runner: run coroutines on a fresh loop, then clean up
(cancel leftover tasks, close async generators, close the loop)."""

import contextvars
import enum

from . import coroutines, events, gathering, tasks
from .exceptions import CancelledError

__all__ = ("Runner", "run")


class _RunnerState(enum.Enum):
    CREATED = "created"
    INITIALIZED = "initialized"
    CLOSED = "closed"


def _cancel_leftover_tasks(loop):
    leftovers = tasks.all_tasks(loop)
    if not leftovers:
        return
    for task in leftovers:
        task.cancel()
    loop.run_until_complete(gathering.gather(*leftovers, return_exceptions=True))
    for task in leftovers:
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


class Runner:
    """A context manager owning one event loop, on which run() runs
    coroutines one after the other."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _RunnerState.CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()

    def close(self):
        """Finish what is left on the loop, then close it."""
        if self._state is not _RunnerState.INITIALIZED:
            return
        loop, self._loop = self._loop, None
        try:
            _cancel_leftover_tasks(loop)
            for cleanup in (loop.shutdown_asyncgens, loop.shutdown_default_executor):
                loop.run_until_complete(cleanup())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            self._state = _RunnerState.CLOSED
            loop.close()

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not coroutines.iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if events._get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro, context=self._context if context is None else context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state is _RunnerState.CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state is _RunnerState.INITIALIZED:
            return
        # A loop of our own making becomes the current loop; one from the
        # factory is left alone.
        own_loop = self._loop_factory is None
        loop = events.new_event_loop() if own_loop else self._loop_factory()
        if own_loop and not self._set_event_loop:
            events.set_event_loop(loop)
            self._set_event_loop = True
        if self._debug is not None:
            loop.set_debug(self._debug)
        self._loop = loop
        self._context = contextvars.copy_context()
        self._state = _RunnerState.INITIALIZED


def run(main, *, debug=None):
    """Run coroutine `main` on a new event loop and return its result."""
    if events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)
