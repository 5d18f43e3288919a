"""Queues between tasks: Queue (FIFO), PriorityQueue, LifoQueue. put()
waits while a bounded queue is full, get() while it is empty; join()
waits until task_done() was called once per item put."""

import heapq
import types

from _asyncio import Fifo

from .locks import Event, _LoopBound

__all__ = ("LifoQueue", "PriorityQueue", "Queue", "QueueEmpty", "QueueFull")


class QueueEmpty(Exception):
    """get_nowait() on an empty queue."""


class QueueFull(Exception):
    """put_nowait() on a full queue."""


def _wake_one(waiters):
    while waiters:
        waiter = waiters.popleft()
        if not waiter.done():
            waiter.set_result(None)
            return


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
    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.popleft()

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

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    async def _wait_in(self, waiters, still_blocked):
        """Wait for a wake-up among `waiters`. When cancelled after being
        woken, hand the wake-up on so that it is not lost."""
        waiter = self._get_loop().create_future()
        waiters.append(waiter)
        try:
            await waiter
        except:
            waiter.cancel()
            try:
                waiters.remove(waiter)
            except ValueError:
                pass                    # already taken off by _wake_one
            if not still_blocked() and not waiter.cancelled():
                _wake_one(waiters)
            raise

    async def put(self, item):
        while self.full():
            await self._wait_in(self._putters, self.full)
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        self._all_done.clear()
        _wake_one(self._getters)

    async def get(self):
        while self.empty():
            await self._wait_in(self._getters, self.empty)
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        _wake_one(self._putters)
        return item

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
