"""queue: queues that threads hand items through (FIFO, LIFO, priority)."""

import heapq
import threading
from collections import deque
from time import monotonic as _now

from _queue import Empty, SimpleQueue

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Full(Exception):
    """put(block=False) found the queue full."""


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue; `maxsize` <= 0 means unbounded. Subclasses change the
    order by overriding _init, _qsize, _put and _get."""

    def __init__(self, maxsize=0):
        # One lock guards the storage; three conditions share it.
        lock = self.mutex = threading.Lock()
        self.all_tasks_done = threading.Condition(lock)
        self.not_full = threading.Condition(lock)
        self.not_empty = threading.Condition(lock)
        self.unfinished_tasks = 0
        self.maxsize = maxsize
        self._init(maxsize)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    # -- storage, overridden by the other orders --

    def _init(self, maxsize):
        """Creates the storage, `self.queue`."""
        self.queue = deque()

    def _qsize(self):
        """How many items are stored."""
        return len(self.queue)

    def _put(self, item):
        """Stores one item."""
        self.queue.append(item)

    def _get(self):
        """Takes out the next item."""
        return self.queue.popleft()

    # -- the protocol --

    def _is_full(self):
        return 0 < self.maxsize <= self._qsize()

    def task_done(self):
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError("task_done() called too many times")
            self.unfinished_tasks = left
            if left == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return self._is_full()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self._is_full():
                if not block:
                    raise Full
                _check_timeout(timeout)
                if not self.not_full.wait_for(lambda: not self._is_full(), timeout):
                    raise Full
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not self._qsize():
                if not block:
                    raise Empty
                _check_timeout(timeout)
                if not self.not_empty.wait_for(self._qsize, timeout):
                    raise Empty
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)


class LifoQueue(Queue):
    """The most recently added item comes out first."""

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """The smallest item comes out first (entries are often (priority, data))."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heapq.heappush(self.queue, item)

    def _get(self):
        return heapq.heappop(self.queue)
