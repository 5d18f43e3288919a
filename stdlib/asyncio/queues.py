"""Queues between tasks: Queue (FIFO), PriorityQueue, LifoQueue. put()
waits while a bounded queue is full, get() while it is empty; join()
waits until task_done() was called once per item put."""

import heapq
import types

import _asyncio
from _asyncio import Fifo, _await_natively, _wake_one

from .locks import Event, _LoopBound

__all__ = ("LifoQueue", "PriorityQueue", "Queue", "QueueEmpty", "QueueFull")


class QueueEmpty(Exception):
    """get_nowait() on an empty queue."""


class QueueFull(Exception):
    """put_nowait() on a full queue."""


class Queue(_LoopBound):
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = Fifo()     # futures of get() calls waiting for an item
        self._putters = Fifo()     # futures of put() calls waiting for room
        self._unfinished = 0
        self._all_done = Event()
        self._all_done.set()
        self._init(maxsize)

    # The storage; subclasses change the order by overriding these three.
    # The synchronous methods are native (src/aio/queue.rs): they call one
    # another through the instance, so overriding any of them works.
    _put = _asyncio._queue_put
    _get = _asyncio._queue_get

    def _init(self, maxsize):
        self._queue = Fifo()

    def _describe(self):
        parts = [f"maxsize={self._maxsize!r}"]
        if getattr(self, "_queue", None):
            parts.append(f"_queue={list(self._queue)!r}")
        for label, waiters in (("_getters", self._getters), ("_putters", self._putters)):
            if waiters:
                parts.append(f"{label}[{len(waiters)}]")
        if self._unfinished:
            parts.append(f"tasks={self._unfinished}")
        return " ".join(parts)

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x} {self._describe()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._describe()}>"

    __class_getitem__ = classmethod(types.GenericAlias)

    qsize = _asyncio._queue_qsize

    @property
    def maxsize(self):
        return self._maxsize

    empty = _asyncio._queue_empty
    full = _asyncio._queue_full

    def _given_up(self, waiters, waiter, still_blocked):
        """A wait in put() or get() ended with an exception (a cancellation):
        leave the line, and if the wake-up came already, hand it on so that
        it is not lost."""
        waiter.cancel()
        try:
            waiters.remove(waiter)
        except ValueError:
            pass                    # already taken off by _wake_one
        if not still_blocked() and not waiter.cancelled():
            _wake_one(waiters)

    # put() and get() wait inline (no helper coroutine): each item passes
    # through them. Awaited where there is room or an item, they end at
    # once natively, without the coroutine (src/aio/shortcuts.rs).
    @_await_natively
    async def put(self, item):
        while self.full():
            waiter = self._get_loop().create_future()
            self._putters.append(waiter)
            try:
                await waiter
            except:
                self._given_up(self._putters, waiter, self.full)
                raise
        return self.put_nowait(item)

    put_nowait = _asyncio._queue_put_nowait

    @_await_natively
    async def get(self):
        while self.empty():
            waiter = self._get_loop().create_future()
            self._getters.append(waiter)
            try:
                await waiter
            except:
                self._given_up(self._getters, waiter, self.empty)
                raise
        return self.get_nowait()

    get_nowait = _asyncio._queue_get_nowait

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._all_done.set()

    async def join(self):
        if self._unfinished > 0:
            await self._all_done.wait()


class PriorityQueue(Queue):
    """Smallest item first (a heap: items must be comparable)."""

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)

    def _init(self, maxsize):
        self._queue = []


class LifoQueue(Queue):
    """Last item put, first out."""

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()

    def _init(self, maxsize):
        self._queue = []
