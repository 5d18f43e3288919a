"""asyncio.timeout() and timeout_at(): cancel the enclosing task at a
deadline, and turn that cancellation into TimeoutError on exit."""

import enum

from . import events, tasks
from .exceptions import CancelledError

__all__ = ("Timeout", "timeout", "timeout_at")


class _Phase(enum.Enum):
    CREATED = "created"
    ENTERED = "active"
    EXPIRING = "expiring"       # the task was cancelled; __aexit__ not run yet
    EXPIRED = "expired"
    EXITED = "finished"


class Timeout:
    """Async context manager created by timeout() and timeout_at()."""

    def __init__(self, when):
        self._phase = _Phase.CREATED
        self._when = when
        self._alarm = None
        self._task = None

    def __repr__(self):
        when = f" when={self._when}" if self._phase is _Phase.ENTERED else ""
        return f"<Timeout [{self._phase.value}]{when}>"

    def when(self):
        return self._when

    def expired(self):
        return self._phase in (_Phase.EXPIRING, _Phase.EXPIRED)

    def reschedule(self, when):
        """Move the deadline to loop time `when` (None: no deadline)."""
        if self._phase is not _Phase.ENTERED:
            raise RuntimeError(f"Cannot change state of {self._phase.value} Timeout")
        self._when = when
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None
        if when is not None:
            loop = events.get_running_loop()
            if when <= loop.time():
                self._alarm = loop.call_soon(self._expire)
            else:
                self._alarm = loop.call_at(when, self._expire)

    async def __aenter__(self):
        self._phase = _Phase.ENTERED
        self._task = tasks.current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None
        if self._phase is _Phase.EXPIRING:
            self._phase = _Phase.EXPIRED
            # Only the cancellation this timeout asked for becomes a
            # TimeoutError; another pending cancel() keeps propagating.
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError
        elif self._phase is _Phase.ENTERED:
            self._phase = _Phase.EXITED
        return None

    def _expire(self):
        self._task.cancel()
        self._phase = _Phase.EXPIRING
        self._alarm = None


def timeout(delay):
    """Timeout after `delay` seconds from now (None: never)."""
    loop = events.get_running_loop()
    return Timeout(None if delay is None else loop.time() + delay)


def timeout_at(when):
    """Timeout at loop time `when` (None: never)."""
    return Timeout(when)
