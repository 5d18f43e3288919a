# Common asyncio patterns side by side: queues of each kind, a producer
# setting context variables, gather over methods, a future finished by
# call_later with a done callback, Lock order, BoundedSemaphore, Barrier,
# a named sleeping task, shield inside wait_for, and partials of sleep.
import asyncio, contextvars, functools

cv = contextvars.ContextVar("cv", default=0)

async def producer(q, n):
    for i in range(n):
        cv.set(i)
        await q.put((i, cv.get()))
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q):
    got = []
    while (item := await q.get()) is not None:
        got.append(item)
    return got

class Counter:
    def __init__(self):
        self.n = 0
    async def bump(self, k):
        await asyncio.sleep(0)
        self.n += k
        return self.n

async def main():
    q = asyncio.PriorityQueue()
    for p in [5, 1, 3]:
        q.put_nowait((p, f"p{p}"))
    print([q.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue(2)
    lq.put_nowait(1); lq.put_nowait(2)
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("full", lq.qsize(), lq.full())
    q = asyncio.Queue()
    res = await asyncio.gather(producer(q, 4), consumer(q))
    print(res[1], cv.get())
    c = Counter()
    print(await asyncio.gather(*(c.bump(k) for k in range(1, 5))), c.n)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.001, fut.set_result, "later")
    fut.add_done_callback(lambda f: print("callback", f.result()))
    print(await fut)
    await asyncio.sleep(0)
    lock = asyncio.Lock()
    order = []
    async def locked(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0.001)
    await asyncio.gather(*(locked(i) for i in range(4)))
    print(order, lock.locked())
    bsem = asyncio.BoundedSemaphore(1)
    await bsem.acquire(); bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError", e)
    barrier = asyncio.Barrier(3)
    async def party(i):
        pos = await barrier.wait()
        return pos
    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    t = asyncio.create_task(asyncio.sleep(1), name="sleepy")
    await asyncio.sleep(0)
    print(t.get_name(), t.done(), t in asyncio.all_tasks())
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled())
    print(await asyncio.wait_for(asyncio.shield(asyncio.sleep(0.001, "shielded")), 1))
    c = asyncio.sleep(0)
    print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(main))
    c.close()
    p = functools.partial(asyncio.sleep, 0.001, "partial")
    print(await p())

asyncio.run(main())
