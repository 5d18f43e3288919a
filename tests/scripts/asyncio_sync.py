# Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, queues:
# wake-up order and the handling of cancelled waiters.
import asyncio

log = []


async def locker(lock, name, hold):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(hold)
        log.append(f"{name} out")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(locker(lock, n, 0.01)) for n in "abc"]
    await asyncio.sleep(0)
    tasks[1].cancel()           # b waits in the queue and gives up
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, lock.locked())
    log.clear()

    # A waiter cancelled right after being handed the lock passes it on.
    await lock.acquire()
    w1 = asyncio.create_task(locker(lock, "w1", 0))
    w2 = asyncio.create_task(locker(lock, "w2", 0))
    await asyncio.sleep(0)
    lock.release()
    w1.cancel()
    await asyncio.gather(w1, w2, return_exceptions=True)
    print(log, w1.cancelled(), lock.locked())
    log.clear()

    ev = asyncio.Event()
    async def waiter(n):
        log.append(f"{n} waits")
        await ev.wait()
        log.append(f"{n} woke")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.gather(*ws)
    print(log, ev.is_set())
    log.clear()

    cond = asyncio.Condition()
    async def consumer(n):
        async with cond:
            await cond.wait()
            log.append(f"c{n}")
    cs = [asyncio.create_task(consumer(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.01)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cs)
    print(log)
    log.clear()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    async def limited(n):
        async with sem:
            log.append(f"in {n}")
            await asyncio.sleep(0.01)
        log.append(f"out {n}")
    await asyncio.gather(*(limited(i) for i in range(5)))
    print(log)
    log.clear()
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)

    barrier = asyncio.Barrier(3)
    async def party(n):
        await asyncio.sleep(0.04 * n)
        idx = await barrier.wait()
        log.append(f"p{n} passed as {idx}")
    await asyncio.gather(*(party(i) for i in range(3)))
    print(log, barrier.n_waiting, barrier.broken, barrier.parties)
    log.clear()
    async def doomed():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append("broken")
    d = asyncio.create_task(doomed())
    await asyncio.sleep(0)
    await barrier.abort()
    await d
    print(log, barrier.broken)
    log.clear()

    q = asyncio.Queue(maxsize=1)
    async def getter(n):
        item = await q.get()
        log.append(f"g{n} got {item}")
        q.task_done()
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    gs[0].cancel()
    for item in "xy":
        await q.put(item)
    await q.join()
    await asyncio.gather(*gs, return_exceptions=True)
    print(log, q.qsize(), q.empty(), q.full(), q.maxsize)
    log.clear()

    pq = asyncio.PriorityQueue()
    for p in (5, 1, 4, 2):
        pq.put_nowait((p, f"job{p}"))
    print([pq.get_nowait()[1] for _ in range(4)])
    lq = asyncio.LifoQueue(2)
    lq.put_nowait(1)
    lq.put_nowait(2)
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull", lq.full())
    print(lq.get_nowait(), lq.get_nowait())
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
