# asyncio.Queue's synchronous methods call one another through the
# instance, so a subclass that overrides one of them (or an instance
# attribute that shadows one) changes what put/get do, as in CPython.
import asyncio


class Capped(asyncio.Queue):
    """Full at two items whatever maxsize says."""

    def full(self):
        return self.qsize() >= 2


class Logged(asyncio.Queue):
    def _put(self, item):
        print("put", item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print("got", item)
        return item


class Sized(asyncio.Queue):
    def qsize(self):
        return 100


async def main():
    q = Capped()
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("Capped full at", q.qsize(), q.full(), q.empty())

    q = Logged(3)
    for i in range(3):
        await q.put(i)
    print([await q.get() for _ in range(3)], q.empty())

    print(Sized(5).full(), Sized(0).full(), Sized(200).full())

    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty", repr(e))
    q.empty = lambda: True
    print("shadowed empty:", q.empty())
    q.put_nowait("x")
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait asks the shadowing empty()")

    q = asyncio.PriorityQueue()
    for item in [5, 1, 4, 2]:
        q.put_nowait(item)
    print([q.get_nowait() for _ in range(4)])
    q = asyncio.LifoQueue(2)
    q.put_nowait("a")
    q.put_nowait("b")
    print(q.full(), q.get_nowait(), q.get_nowait(), q.qsize())

    # A getter woken and then cancelled hands the item on.
    q = asyncio.Queue()
    first = asyncio.create_task(q.get())
    second = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    first.cancel()
    print(await second, first.cancelled(), q.qsize(), len(q._getters))

    # A putter blocked on a full queue, then cancelled.
    q = asyncio.Queue(1)
    q.put_nowait(0)
    blocked = asyncio.create_task(q.put(1))
    await asyncio.sleep(0)
    blocked.cancel()
    await asyncio.sleep(0)
    print(blocked.cancelled(), q.qsize(), len(q._putters))
    q.task_done()
    await q.join()
    print("joined", q.get_nowait())


asyncio.run(main())
