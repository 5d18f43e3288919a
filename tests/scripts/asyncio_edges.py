# Corners: as_completed with errors and a timeout, external cancel inside
# timeout(), shield and wait_for errors, wait() refusing coroutines, gather of
# a task that cancels itself.
import asyncio

async def job(v, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(v)
    return v

async def main():
    res = []
    for aw in asyncio.as_completed([job("a", 0.05), job("b", 0.01, True), job("c", 0.2)], timeout=0.1):
        try:
            res.append(await aw)
        except ValueError as e:
            res.append(f"err {e}")
        except TimeoutError:
            res.append("timeout")
    print(res)
    # external cancel while inside timeout(): CancelledError, not TimeoutError
    async def inner():
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(1)
    t = asyncio.create_task(inner())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__)
    # wait_for of an awaitable that finishes in time
    print(await asyncio.wait_for(job("same", 0), 1))
    # shield of a coroutine that fails
    try:
        await asyncio.shield(job("shielded", 0, True))
    except ValueError as e:
        print("shield error", e)
    # cancel wait_for from outside
    async def waiter():
        return await asyncio.wait_for(job("w", 1), 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    print(type((await asyncio.gather(w, return_exceptions=True))[0]).__name__)
    # wait with coroutines (deprecated, still works in 3.11)
    coro = asyncio.sleep(0, "x")
    try:
        await asyncio.wait([coro], timeout=1)
    except TypeError as e:
        print("TypeError:", e)
    coro.close()
    # gather with return_exceptions where one child is cancelled inside
    async def self_cancel():
        raise asyncio.CancelledError("inner msg")
    print([type(r).__name__ for r in await asyncio.gather(self_cancel(), job(1, 0), return_exceptions=True)])
    try:
        await asyncio.gather(self_cancel(), job(1, 0))
    except asyncio.CancelledError as e:
        print("gather propagated cancel", e.args)

asyncio.run(main())
