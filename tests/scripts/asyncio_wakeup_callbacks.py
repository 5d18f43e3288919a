# The done callback by which a task waits for a future: how _callbacks
# and the repr show it, removing it, and its order among other callbacks.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    order = []
    fut.add_done_callback(lambda f: order.append("first"))

    async def waiter():
        order.append("woken: %s" % (await fut))

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: order.append("last"))
    print(len(fut._callbacks), [type(c).__name__ for c, _ in fut._callbacks])
    wakeup, ctx = fut._callbacks[1]
    print(wakeup == fut._callbacks[1][0], wakeup.__self__ is task, type(ctx).__name__)
    print(repr(fut).split(" cb=")[0], "<1 more>" in repr(fut))
    print(task._fut_waiter is fut)

    # Removed and added back: the wakeup goes last.
    print(fut.remove_done_callback(wakeup), len(fut._callbacks))
    fut.add_done_callback(wakeup)
    fut.set_result(42)
    await task
    print(order)

    # A lone waiter: one entry, removed by an equal (not identical) method.
    fut = loop.create_future()
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(fut._callbacks[0][0] == fut._callbacks[0][0])
    wakeup = fut._callbacks[0][0]
    print(fut.remove_done_callback(fut._callbacks[0][0]), fut._callbacks)
    print(repr(task).split(" wait_for=")[1])
    fut.add_done_callback(wakeup)
    fut.set_result(7)
    await task
    print(order[-1])

asyncio.run(main())
