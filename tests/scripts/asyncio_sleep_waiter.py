# What a sleeping task waits on: cancelling it twice, cancelling and
# uncancelling, a cancel that lands as the timer rings, sleeps with odd
# delays and results, a task's wait_for in its repr, and a sleeping
# coroutine driven by hand (send, throw, close).
import asyncio
from fractions import Fraction


async def sleeper(delay, result=None):
    return await asyncio.sleep(delay, result)


async def main():
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    print(t.cancel("one"), t.cancel("two"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)

    # Cancelled, then told to go on: the sleep is over, the task goes on.
    async def resilient():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            print("uncancelled, cancelling:", asyncio.current_task().cancelling())
        return await asyncio.sleep(0.001, "after")
    t = asyncio.create_task(resilient())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # A cancel between the ring and the wakeup: the sleep is done, so the
    # task is cancelled at its next step instead.
    t = asyncio.create_task(sleeper(0.005, "rung"))
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    loop.call_later(0.005, lambda: print("timer beside it"))
    await asyncio.sleep(0.05)
    print(t.done(), t.result())

    for delay, result in [(Fraction(1, 1000), [1, 2]), (0.0001, {"k": "v"}), (True, None), (1e-9, 7)]:
        print(type(delay).__name__, await asyncio.sleep(delay, result))
    try:
        await asyncio.sleep("soon")
    except TypeError as e:
        print("TypeError", e)

    # The waiter in the task's repr, and what it is while it waits.
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    w = t._fut_waiter
    print(repr(t).split("wait_for=")[1], w.done(), w.cancelled())
    t.cancel()
    print(w.done(), w.cancelled())
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled(), t._fut_waiter)

    # By hand.
    c = sleeper(10, "x")
    w = c.send(None)
    print(type(w).__name__, w.done())
    try:
        c.throw(KeyError("thrown"))
    except KeyError as e:
        print("raised back", e)
    print(w.done(), w.cancelled())
    c = sleeper(0.001, "hand")
    w = c.send(None)
    await asyncio.sleep(0.01)
    print(w.done(), w.result())
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)

    # Many sleeps, some cancelled, all sorted by deadline.
    order = []
    async def tagged(i):
        await asyncio.sleep((i % 5) / 1000)
        order.append(i)
    ts = [asyncio.create_task(tagged(i)) for i in range(20)]
    await asyncio.sleep(0)
    for t in ts[::3]:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(order)


asyncio.run(main())
