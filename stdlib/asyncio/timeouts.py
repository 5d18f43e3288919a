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
        self._cancelling = 0    # the task's pending cancellations on entry

    def __repr__(self):
        when = ""
        if self._phase is _Phase.ENTERED:
            when = f" when={None if self._when is None else round(self._when, 3)}"
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
        if self._phase is not _Phase.CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = tasks.current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._phase = _Phase.ENTERED
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None
        if self._phase is _Phase.EXPIRING:
            self._phase = _Phase.EXPIRED
            # Only the cancellation this timeout asked for becomes a
            # TimeoutError; another cancel() since entry keeps propagating.
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_value
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
