# Queue.get/put, Lock.acquire, Event.wait and `async with` on locks finish
# natively when they need not wait (src/aio/shortcuts.rs); overrides in
# subclasses and every waiting case still run the Python bodies.
import asyncio


class CountingQueue(asyncio.Queue):
    def empty(self):
        print("  empty() called")
        return super().empty()

    def get_nowait(self):
        item = super().get_nowait()
        print("  get_nowait ->", item)
        return item

    def full(self):
        print("  full() called")
        return super().full()


class LoudLock(asyncio.Lock):
    async def acquire(self):
        print("  LoudLock.acquire")
        return await super().acquire()

    def release(self):
        print("  LoudLock.release")
        super().release()


async def queues():
    q = asyncio.Queue(2)
    print(await q.put(1), await q.put(2), q.full(), q.qsize())
    print(await q.get(), await q.get(), q.empty())
    for cls in (asyncio.PriorityQueue, asyncio.LifoQueue):
        q = cls()
        for x in (3, 1, 2):
            await q.put(x)
        print(cls.__name__, [await q.get() for _ in range(3)])
    q = CountingQueue(1)
    await q.put("a")
    print(await q.get())
    # Blocked both ways: the Python bodies wait.
    q = asyncio.Queue(1)
    async def producer():
        for i in range(4):
            await q.put(i)
            print("  put", i)
    async def consumer():
        for _ in range(4):
            print("  got", await q.get())
    await asyncio.gather(consumer(), producer())
    q = asyncio.Queue()
    q.put_nowait(1)
    print("size", q.qsize())
    await q.get()
    q.task_done()
    await q.join()
    print("joined")


async def locks():
    lock = asyncio.Lock()
    print(await lock.acquire(), lock.locked())
    lock.release()
    async with lock as entered:
        print("inside", entered, lock.locked())
    print("after", lock.locked())
    try:
        async with lock:
            raise ValueError("body")
    except ValueError as e:
        print("raised", e, lock.locked())
    try:
        async with lock:
            lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    loud = LoudLock()
    async with loud:
        print("  in loud")
    order = []
    async def worker(n):
        async with lock:
            order.append(n)
            await asyncio.sleep(0)
            order.append(-n)
    await asyncio.gather(*(worker(n) for n in range(1, 4)))
    print(order)
    # A cancelled waiter does not keep the lock from the next one.
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    print(await lock.acquire(), lock.locked())
    lock.release()
    sem = asyncio.Semaphore(2)
    async with sem:
        async with sem:
            print("semaphore", sem.locked())
    cond = asyncio.Condition()
    async with cond:
        print("condition", cond.locked())
    print("condition after", cond.locked())


async def events():
    ev = asyncio.Event()
    ev.set()
    print(await ev.wait(), await ev.wait())
    ev.clear()
    async def setter():
        await asyncio.sleep(0)
        print("  setting")
        ev.set()
    t = asyncio.create_task(setter())
    print(await ev.wait())
    await t
    ev.clear()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    w.cancel()
    print(await asyncio.gather(w, return_exceptions=True), len(ev._waiters))


async def main():
    await queues()
    await locks()
    await events()

asyncio.run(main())


async def waiting_lines():
    # A lock held while others wait: cancellations leave the line, and a
    # waiter cancelled after the lock was handed to it passes it on.
    lock = asyncio.Lock()
    log = []
    async def user(name):
        try:
            async with lock:
                log.append(name)
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            log.append(name + " cancelled")
            raise
    await lock.acquire()
    tasks = {n: asyncio.create_task(user(n)) for n in "abcd"}
    await asyncio.sleep(0)
    print("waiting", len(lock._waiters))
    tasks["b"].cancel()
    await asyncio.sleep(0)
    print("after cancel", len(lock._waiters))
    lock.release()          # hands the lock to a
    tasks["a"].cancel()     # ... which is cancelled before it runs
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print(log, lock.locked(), len(lock._waiters))
    # Driven by hand: closing the coroutine takes its future out of line.
    await lock.acquire()
    async def take():
        return await lock.acquire()
    co = take()
    fut = co.send(None)
    print(type(fut).__name__, len(lock._waiters))
    co.close()
    print("closed", len(lock._waiters))
    lock.release()
    ev = asyncio.Event()
    async def wait_ev():
        return await ev.wait()
    co = wait_ev()
    co.send(None)
    print("event line", len(ev._waiters))
    try:
        co.throw(ValueError("thrown"))
    except ValueError as e:
        print("thrown out:", e, len(ev._waiters))
    waiters = [asyncio.create_task(wait_ev()) for _ in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print(await asyncio.gather(*waiters), len(ev._waiters))

asyncio.run(waiting_lines())


async def queue_lines():
    # Getters and putters that wait: woken in order, waiting again when an
    # item is taken before they run, handing a wake-up on when cancelled.
    q = asyncio.Queue()
    got = []
    async def getter(name):
        try:
            got.append((name, await q.get()))
        except asyncio.CancelledError:
            got.append((name, "cancelled"))
            raise
    tasks = [asyncio.create_task(getter(n)) for n in "abc"]
    await asyncio.sleep(0)
    print("getters", len(q._getters))
    q.put_nowait(1)          # wakes a
    print("taken by main:", q.get_nowait())   # ... but main takes the item
    await asyncio.sleep(0)
    print("getters after a woke to nothing", len(q._getters), got)
    q.put_nowait(2)          # wakes b (a went to the back of the line)
    tasks[1].cancel()        # b is cancelled after its wake-up: handed on
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(got)
    q.put_nowait(3)
    await asyncio.gather(*tasks, return_exceptions=True)
    print(got, len(q._getters), q.qsize())
    # A full queue: putters wait, and get() makes room for them in order.
    q = asyncio.Queue(1)
    q.put_nowait("first")
    async def putter(x):
        await q.put(x)
        return x
    ps = [asyncio.create_task(putter(x)) for x in ("p1", "p2")]
    await asyncio.sleep(0)
    print("putters", len(q._putters))
    print(await q.get(), await q.get(), await q.get(), await asyncio.gather(*ps))
    ps = [asyncio.create_task(putter(x)) for x in ("p3", "p4")]
    q.put_nowait("full")
    await asyncio.sleep(0)
    ps[0].cancel()
    print(await q.get(), await q.get(), await asyncio.gather(*ps, return_exceptions=True), q.qsize())
    # Driven by hand and closed while waiting.
    q = asyncio.Queue()
    async def take():
        return await q.get()
    co = take()
    co.send(None)
    print("line", len(q._getters))
    co.close()
    print("closed", len(q._getters))

asyncio.run(queue_lines())
