# gather, wait, wait_for, as_completed, shield, timeout: results and the
# order in which things happen.
import asyncio

log = []


async def job(name, delay, fail=False):
    log.append(f"start {name}")
    await asyncio.sleep(delay)
    if fail:
        log.append(f"fail {name}")
        raise ValueError(name)
    log.append(f"end {name}")
    return name


async def main():
    print(await asyncio.gather(job("a", 0.1), job("b", 0), job("c", 0.05)))
    print(log)
    log.clear()

    res = await asyncio.gather(job("x", 0, fail=True), job("y", 0.01), return_exceptions=True)
    print([repr(r) for r in res], log)
    log.clear()

    try:
        await asyncio.gather(job("p", 0.01, fail=True), job("q", 0.05))
    except ValueError as e:
        print("gather raised", e, log)
    await asyncio.sleep(0.1)
    print(log)
    log.clear()

    # gather of a cancelled child without return_exceptions raises CancelledError.
    child = asyncio.create_task(job("z", 1))
    g = asyncio.gather(child, job("w", 0.01))
    await asyncio.sleep(0)
    child.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather: CancelledError from child", g.done())
    await asyncio.sleep(0.02)
    log.clear()

    # return_exceptions=True: cancelled children appear as CancelledError.
    c1 = asyncio.create_task(job("m", 1))
    g = asyncio.gather(c1, job("n", 0), return_exceptions=True)
    await asyncio.sleep(0)
    c1.cancel("stop m")
    print([repr(r) for r in await g])
    log.clear()

    # wait_for: success, timeout, timeout=0 on a done future.
    print(await asyncio.wait_for(job("f", 0), 1))
    try:
        await asyncio.wait_for(job("g", 1), 0.01)
    except TimeoutError as e:
        print("wait_for timeout", type(e.__cause__).__name__)
    done_fut = asyncio.get_running_loop().create_future()
    done_fut.set_result("ready")
    print(await asyncio.wait_for(done_fut, 0))
    print(log)
    log.clear()

    # wait: FIRST_COMPLETED / FIRST_EXCEPTION / timeouts, sets of tasks.
    ts = [asyncio.create_task(job(n, d)) for n, d in (("s1", 0.1), ("s2", 0.01))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts, timeout=1)
    print(len(done), len(pending))
    try:
        await asyncio.wait(ts[0])
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait(ts, return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)
    log.clear()

    # as_completed in completion order, with results.
    order = []
    for aw in asyncio.as_completed([job("k1", 0.12), job("k2", 0.01), job("k3", 0.06)]):
        order.append(await aw)
    print(order)
    log.clear()

    # timeout(): expiry inside nested awaits, reschedule, when().
    try:
        async with asyncio.timeout(0.01) as cm:
            await job("slow", 1)
    except TimeoutError:
        print("timed out", cm.expired(), log)
    log.clear()
    async with asyncio.timeout(None) as cm:
        cm.reschedule(None)
    print(cm.when(), cm.expired())
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)

    # Already-expired deadline: cancelled at the first await.
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            log.append("body runs")
            await asyncio.sleep(0)
            log.append("not reached")
    except TimeoutError:
        print("expired deadline", log)


asyncio.run(main())
