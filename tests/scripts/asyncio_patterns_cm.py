# Async context managers that sleep in enter and exit, timeouts and
# shields around sleeping tasks, nested wait_for, as_completed with and
# without a timeout, run_in_executor and to_thread.
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.001)
        print("open", self.name)
        return self
    async def __aexit__(self, *exc):
        await asyncio.sleep(0.001)
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False

async def slow(n):
    try:
        await asyncio.sleep(n)
    finally:
        print("slow cleanup", n)

async def main():
    async with Resource("a") as a, Resource("b"):
        print("inside", a.name)
    try:
        async with Resource("c"):
            raise ValueError("x")
    except ValueError:
        print("caught")
    try:
        async with asyncio.timeout(0.01):
            await slow(1)
    except TimeoutError:
        print("timed out")
    t = asyncio.create_task(slow(1))
    await asyncio.sleep(0.001)
    s = asyncio.shield(t)
    s.cancel()
    await asyncio.sleep(0)
    print("shield", s.cancelled(), t.cancelled(), t.done())
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("t", t.cancelled())
    async def nested():
        return await asyncio.wait_for(asyncio.wait_for(asyncio.sleep(0.001, "deep"), 1), 1)
    print(await nested())
    tasks = [asyncio.create_task(asyncio.sleep(i / 1000, i)) for i in (3, 1, 2)]
    for f in asyncio.as_completed(tasks, timeout=1):
        print("completed", await f)
    try:
        for f in asyncio.as_completed([asyncio.sleep(1)], timeout=0.005):
            await f
    except TimeoutError:
        print("as_completed timeout")
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, sum, [1, 2, 3])
    print("executor", r)
    r = await asyncio.to_thread(lambda: "thread")
    print(r)
    print(len(asyncio.all_tasks()), asyncio.current_task().get_name())

asyncio.run(main())
