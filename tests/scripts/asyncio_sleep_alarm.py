# asyncio.sleep() with a delay: its result, cancellation (with a message,
# and while the timer is due in the same iteration), the task's repr while
# it sleeps, closing the sleeping coroutine, and a loop whose
# call_later/create_future are its own.
import asyncio


async def sleeper(delay, result):
    return await asyncio.sleep(delay, result)


async def main():
    print(await asyncio.sleep(0.01, "woke"))
    print(await asyncio.sleep(0.001))

    t = asyncio.create_task(sleeper(10, "never"))
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0], "wait_for" in repr(t))
    print(t._fut_waiter)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)

    # The timer and the cancellation land in the same iteration.
    t = asyncio.create_task(sleeper(0.01, "late"))
    await asyncio.sleep(0)
    await asyncio.sleep(0.02)
    print(t.cancel(), t.done(), t.result() if t.done() else None)

    # Cancelled, then resumed past the exception inside the task.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("caught, sleeping again")
        return await asyncio.sleep(0.01, "done anyway")
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # A coroutine closed while it sleeps.
    c = sleeper(10, None)
    fut = c.send(None)
    print(type(fut).__name__, fut.done())
    c.close()
    print(fut.done())

    # The wait is bounded by the longest sleep, not by cancelled ones.
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [asyncio.create_task(sleeper(5, i)) for i in range(3)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(loop.time() - start < 1)


class CountingLoop(asyncio.SelectorEventLoop if hasattr(asyncio, "SelectorEventLoop") else asyncio.BaseEventLoop):
    later = 0
    futures = 0

    def call_later(self, delay, callback, *args, context=None):
        CountingLoop.later += 1
        return super().call_later(delay, callback, *args, context=context)

    def create_future(self):
        CountingLoop.futures += 1
        return super().create_future()


asyncio.run(main())

loop = CountingLoop()
print(loop.run_until_complete(sleeper(0.01, "custom")))
loop.close()
print(CountingLoop.later, CountingLoop.futures)
