# call_soon / call_later / task steps share one FIFO ready queue.
import asyncio

log = []


async def worker(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(log.append, "soon-a")
    t1 = asyncio.create_task(worker("A", 3))
    loop.call_soon(log.append, "soon-b")
    t2 = asyncio.create_task(worker("B", 2))
    loop.call_later(0, log.append, "later-0")
    log.append("main")
    await asyncio.sleep(0)
    log.append("main-after-1")
    await asyncio.sleep(0)
    log.append("main-after-2")
    print(await t1, await t2)
    print(log)

    # Timers with the same delay run in scheduling order; earlier deadlines first.
    log.clear()
    done = loop.create_future()
    for i in range(5):
        loop.call_later(0.05, log.append, f"t{i}")
    loop.call_later(0.01, log.append, "early")
    h = loop.call_later(0.03, log.append, "cancelled")
    h.cancel()
    loop.call_later(0.08, done.set_result, None)
    await done
    print(log, h.cancelled())

    # A callback that raises goes to the exception handler; the loop goes on.
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((type(ctx["exception"]).__name__, "handle" in ctx)))
    loop.call_soon(lambda: 1 / 0)
    loop.call_soon(seen.append, "next callback")
    await asyncio.sleep(0)
    print(seen, loop.get_exception_handler() is not None)
    loop.set_exception_handler(None)

    # Done callbacks run one iteration after the future completes, in order.
    order = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: order.append("cb1"))
    fut.add_done_callback(lambda f: order.append("cb2"))
    loop.call_soon(order.append, "soon before set")
    fut.set_result(1)
    loop.call_soon(order.append, "soon after set")
    await asyncio.sleep(0)
    print(order)

    try:
        loop.call_later(None, print)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
