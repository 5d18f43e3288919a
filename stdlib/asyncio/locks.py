"""Synchronisation between tasks: Lock, Event, Condition, Semaphore,
BoundedSemaphore, Barrier. Waiting tasks queue up as futures in FIFO order;
waking one up means finishing its future."""

import enum

import _asyncio
from _asyncio import Fifo, _await_natively

from . import events
from .exceptions import BrokenBarrierError, CancelledError

__all__ = ("Barrier", "BoundedSemaphore", "Condition", "Event", "Lock", "Semaphore")


class _LoopBound:
    """A primitive binds to the running loop the first time it must wait."""

    _loop = None

    def _get_loop(self):
        loop = events.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop

    def _repr_with(self, details):
        base = object.__repr__(self)[1:-1]
        return f"<{base} [{details}]>"


def _waiters_note(waiters):
    return f", waiters:{len(waiters)}" if waiters else ""


class _AcquireOnEnter:
    """`async with` acquires on entry and releases on exit. Where the lock
    is free, and on exit, this runs natively without the coroutines
    (src/aio/shortcuts.rs)."""

    @_await_natively
    async def __aenter__(self):
        await self.acquire()
        return None

    @_await_natively
    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_AcquireOnEnter, _LoopBound):
    """A mutex whose waiters acquire it in FIFO order."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return self._repr_with(state + _waiters_note(self._waiters))

    def locked(self):
        return self._locked

    @_await_natively
    async def acquire(self):
        # Free, and nobody queued first (cancelled waiters do not count).
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = Fifo()
        turn = self._get_loop().create_future()
        self._waiters.append(turn)
        try:
            try:
                await turn
            finally:
                self._waiters.remove(turn)
        except CancelledError:
            # Our turn may have come just as we were cancelled: pass it on.
            if not self._locked:
                self._wake_first()
            raise
        self._locked = True
        return True

    # release() and _wake_first(), which gives the lock to the first in
    # line, run at every hand-over: native (src/aio/sync.rs).
    release = _asyncio._lock_release
    _wake_first = _asyncio._lock_wake_first


class Event(_LoopBound):
    """A flag that tasks can wait to become true."""

    def __init__(self):
        self._waiters = Fifo()
        self._value = False

    def __repr__(self):
        return self._repr_with(("set" if self._value else "unset") + _waiters_note(self._waiters))

    # Native (src/aio/sync.rs): set() wakes every waiter still waiting.
    is_set = _asyncio._event_is_set
    set = _asyncio._event_set
    clear = _asyncio._event_clear

    @_await_natively
    async def wait(self):
        if self._value:
            return True
        signal = self._get_loop().create_future()
        self._waiters.append(signal)
        try:
            await signal
            return True
        finally:
            self._waiters.remove(signal)


class Condition(_AcquireOnEnter, _LoopBound):
    """Tasks wait, holding `lock`, until another task notifies them."""

    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = Fifo()

    def __repr__(self):
        state = "locked" if self.locked() else "unlocked"
        return self._repr_with(state + _waiters_note(self._waiters))

    async def wait(self):
        """Release the lock, wait for a notification, take the lock back
        (even when cancelled meanwhile)."""
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            note = self._get_loop().create_future()
            self._waiters.append(note)
            try:
                await note
                return True
            finally:
                self._waiters.remove(note)
        finally:
            interrupted = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    interrupted = True
            if interrupted:
                raise CancelledError

    async def wait_for(self, predicate):
        outcome = predicate()
        while not outcome:
            await self.wait()
            outcome = predicate()
        return outcome

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        for note in self._waiters:
            if woken >= n:
                break
            if not note.done():
                note.set_result(False)
                woken += 1

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_AcquireOnEnter, _LoopBound):
    """A counter of free slots; acquire() waits while none is free."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        state = "locked" if self.locked() else f"unlocked, value:{self._value}"
        return self._repr_with(state + _waiters_note(self._waiters))

    def locked(self):
        """True when acquire() would wait: no free slot, or someone queued first."""
        if self._value == 0:
            return True
        return any(not w.cancelled() for w in self._waiters or ())

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = Fifo()
        slot = self._get_loop().create_future()
        self._waiters.append(slot)
        try:
            try:
                await slot
            finally:
                self._waiters.remove(slot)
        except CancelledError:
            # The slot was handed to us (and counted) before the cancellation
            # arrived: give it back to the next waiter.
            if not slot.cancelled():
                self._value += 1
                self._wake_next()
            raise
        if self._value > 0:
            self._wake_next()
        return True

    def release(self):
        self._value += 1
        self._wake_next()

    def _wake_next(self):
        """Hand one free slot to the first waiter still waiting."""
        for slot in self._waiters or ():
            if not slot.done():
                self._value -= 1
                slot.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


class _BarrierPhase(enum.Enum):
    FILLING = "filling"
    DRAINING = "draining"
    RESETTING = "resetting"
    BROKEN = "broken"


class Barrier(_LoopBound):
    """`parties` tasks wait until all of them have arrived; then all go on.
    wait() returns each task's arrival index, 0 to parties - 1."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition()
        self._parties = parties
        self._phase = _BarrierPhase.FILLING
        self._count = 0             # tasks inside wait()

    def __repr__(self):
        details = self._phase.value
        if not self.broken:
            details += f", waiters:{self.n_waiting}/{self._parties}"
        return self._repr_with(details)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *exc_info):
        pass

    async def wait(self):
        async with self._cond:
            # Tasks of the previous round may still be leaving.
            await self._cond.wait_for(lambda: self._phase not in (
                _BarrierPhase.DRAINING, _BarrierPhase.RESETTING))
            if self._phase is _BarrierPhase.BROKEN:
                raise BrokenBarrierError("Barrier aborted")
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._phase = _BarrierPhase.DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._phase is not _BarrierPhase.FILLING)
                    if self._phase in (_BarrierPhase.BROKEN, _BarrierPhase.RESETTING):
                        raise BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    if self._phase in (_BarrierPhase.RESETTING, _BarrierPhase.DRAINING):
                        self._phase = _BarrierPhase.FILLING
                    self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; tasks waiting now get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                self._phase = _BarrierPhase.RESETTING
            else:
                self._phase = _BarrierPhase.FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: current and future wait() calls fail."""
        async with self._cond:
            self._phase = _BarrierPhase.BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._phase is _BarrierPhase.FILLING else 0

    @property
    def broken(self):
        return self._phase is _BarrierPhase.BROKEN
