# Differential checks of asyncio against CPython 3.11: Event, Lock, Condition, Semaphore, Queue, Barrier.
# Each part was a separate program; they run one after the other, and
# print() masks what changes between runs (addresses, this directory,
# loop times).
import builtins
import os
import re

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def print(*args, sep=" ", end="\n", **kw):
    text = sep.join(str(a) for a in args).replace(_HERE, "")
    text = re.sub(r"0x[0-9a-f]+", "0x..", text)
    text = re.sub(r"when=[0-9.]+", "when=T", text)
    builtins.print(text, end=end, **kw)


# ---- event_lock
print("---- event_lock")
import asyncio

async def main():
    ev = asyncio.Event()
    print(repr(ev))
    async def waiter(i):
        print("wait", i)
        r = await ev.wait()
        print("woke", i, r)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(ev))
    ev.set()
    print(repr(ev), ev.is_set())
    await asyncio.gather(*ts)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    lock = asyncio.Lock()
    print(repr(lock))
    async def worker(i):
        async with lock:
            print("in", i, lock.locked())
            await asyncio.sleep(0.001)
            print("out", i)
    ts = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(lock))
    await asyncio.gather(*ts)
    print(repr(lock))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire())
    lock.release()
    # cancelled waiter on lock
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    lock.release()
    print(lock.locked(), t.cancelled())
    try:
        with lock:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

asyncio.run(main())

# ---- condition_sem
print("---- condition_sem")
import asyncio

async def main():
    cond = asyncio.Condition()
    print(repr(cond)[:30])
    items = []
    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            print("consumer", i, "got", items.pop(0))
    async def producer():
        for x in range(3):
            await asyncio.sleep(0.001)
            async with cond:
                items.append(x)
                cond.notify()
    await asyncio.gather(*(consumer(i) for i in range(3)), producer())
    async def w(i):
        async with cond:
            await cond.wait()
            print("notified", i)
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    sem = asyncio.Semaphore(2)
    print(repr(sem))
    async def s(i):
        async with sem:
            print("enter", i, sem._value if hasattr(sem, "_value") else "")
            await asyncio.sleep(0.001)
        print("leave", i)
    await asyncio.gather(*(s(i) for i in range(5)))
    print(sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    sem = asyncio.Semaphore(0)
    print(sem.locked(), repr(sem))
    sem.release(); sem.release()
    print(repr(sem))
    l = asyncio.Lock()
    c2 = asyncio.Condition(l)
    async with c2:
        print(l.locked())
    print(l.locked())

asyncio.run(main())

# ---- queue
print("---- queue")
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(repr(q), str(q))
    await q.put(1)
    q.put_nowait(2)
    print(q.full(), q.qsize(), q.maxsize, q.empty())
    print(repr(q))
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), await q.get())
    q.task_done(); q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    # producer blocked on full queue
    async def producer():
        for i in range(5):
            await q.put(i)
            print("put", i)
        await q.put(None)
    async def consumer():
        while True:
            item = await q.get()
            print("get", item)
            q.task_done()
            if item is None:
                break
    await asyncio.gather(producer(), consumer())
    await q.join()
    print("joined")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in range(4):
        await lq.put(x)
    print([await lq.get() for _ in range(4)])
    # join waits for task_done
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)
    async def worker():
        while True:
            i = await jq.get()
            await asyncio.sleep(0.001)
            print("processed", i)
            jq.task_done()
    w = asyncio.create_task(worker())
    await jq.join()
    print("all done")
    w.cancel()
    # getters waiting in order
    q2 = asyncio.Queue()
    async def getter(i):
        print("getter", i, await q2.get())
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(q2))
    for x in "abc":
        q2.put_nowait(x)
    await asyncio.gather(*gs)
    print(asyncio.Queue(maxsize=-1).full())
    q3 = asyncio.Queue(0)
    print(q3.maxsize, q3.full())

asyncio.run(main())

# ---- barrier
print("---- barrier")
import asyncio

async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    async def party(i):
        print("arrive", i)
        idx = await b.wait()
        print("passed", i, idx)
    await asyncio.gather(*(party(i) for i in range(3)))
    print(b.parties, b.n_waiting, b.broken)
    # reuse
    await asyncio.gather(*(party(i) for i in range(3, 6)))
    # abort
    async def waiter():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken", type(e).__name__)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiting", b.n_waiting)
    await b.abort()
    await t
    print(b.broken)
    await b.reset()
    print(b.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    b2 = asyncio.Barrier(1)
    async with b2 as pos:
        print("pos", pos)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))

asyncio.run(main())

# ---- sync_cancel
print("---- sync_cancel")
import asyncio

async def main():
    # Lock: cancelled waiter doesn't block others; fairness
    lock = asyncio.Lock()
    order = []
    async def user(i, hold):
        async with lock:
            order.append(i)
            await asyncio.sleep(hold)
    await lock.acquire()
    ts = [asyncio.create_task(user(i, 0.001)) for i in range(4)]
    await asyncio.sleep(0)
    ts[1].cancel()
    lock.release()
    await asyncio.gather(*ts, return_exceptions=True)
    print("lock order", order, [t.cancelled() for t in ts])
    # Condition.wait cancelled re-acquires lock before raising
    cond = asyncio.Condition()
    async def cw():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("cw cancelled, locked:", cond.locked())
                raise
    t = asyncio.create_task(cw())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cond locked after", cond.locked())
    # Semaphore: cancel waiter, value preserved
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    t = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    sem.release()
    print("sem locked", sem.locked())
    # Event wait with timeout
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("event wait timed out")
    # Queue get cancelled doesn't lose items
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.gather(g, return_exceptions=True)
    q.put_nowait("item")
    print(await q.get(), q.qsize())
    # Queue put cancelled
    q = asyncio.Queue(1)
    q.put_nowait(1)
    p = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print(q.get_nowait(), q.empty())
    # put waiter woken then cancelled hands wakeup to next
    q = asyncio.Queue(1)
    q.put_nowait(0)
    ps = [asyncio.create_task(q.put(i)) for i in (1, 2)]
    await asyncio.sleep(0)
    print(q.get_nowait())
    ps[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(q.qsize(), [p.done() for p in ps], q.get_nowait() if q.qsize() else None)
    await asyncio.gather(*ps, return_exceptions=True)
    # wait_for on lock acquire
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except TimeoutError:
        print("lock acquire timeout", lock.locked())
    lock.release()
    print(lock.locked())

asyncio.run(main())

# ---- pipeline
print("---- pipeline")
import asyncio, random

random.seed(3)

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("produced", i)
    for _ in range(2):
        await q.put(None)

async def stage(name, inq, outq):
    while True:
        item = await inq.get()
        if item is None:
            inq.task_done()
            await outq.put(None)
            print(name, "stop")
            return
        await asyncio.sleep(0)
        await outq.put(item * 10)
        print(name, "handled", item)
        inq.task_done()

async def sink(q, stops):
    total = []
    seen = 0
    while seen < stops:
        x = await q.get()
        if x is None:
            seen += 1
        else:
            total.append(x)
    return total

async def main():
    q1 = asyncio.Queue(maxsize=2)
    q2 = asyncio.Queue()
    prod = asyncio.create_task(producer(q1, 6))
    workers = [asyncio.create_task(stage(f"w{i}", q1, q2)) for i in range(2)]
    result = await sink(q2, 2)
    await prod
    await asyncio.gather(*workers)
    print(sorted(result))

asyncio.run(main())
