# `await` of asyncio's coroutine functions that have a native shortcut
# (src/eval/awaited.rs): every way of calling them gives what the
# coroutine would give, and a replaced function is the one called.
import asyncio
from asyncio import sleep as bare_sleep


async def sleeps():
    print("0:", await asyncio.sleep(0))
    print("float:", await asyncio.sleep(0.001, "r"))
    print("int result:", await asyncio.sleep(0, 5))
    print("keyword result:", await asyncio.sleep(0, result="k"))
    print("keyword delay:", await asyncio.sleep(delay=0.001))
    print("bare:", await bare_sleep(0.001, [1]))
    print("bools:", await asyncio.sleep(True), await asyncio.sleep(False), await asyncio.sleep(-1.5))
    print("starred:", await asyncio.sleep(*[0, "s"]))
    pending = asyncio.sleep(0.001, "later")
    print(type(pending).__name__, asyncio.iscoroutine(pending))
    print("awaited later:", await pending)
    for bad in ("x", None, [1]):
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("TypeError:", e)


async def cancels():
    async def nap():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("nap cancelled")
            raise
    t = asyncio.create_task(nap())
    await asyncio.sleep(0)
    t.cancel("why")
    print(await asyncio.gather(t, return_exceptions=True))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.001)
    except asyncio.TimeoutError:
        print("timeout")
    async with asyncio.timeout(0.001):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("timeout cancelled the sleep")
            raise


async def ordering():
    log = []
    async def ticker(name, n):
        for i in range(n):
            log.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(ticker("a", 3), ticker("b", 2), ticker("c", 3))
    print(" ".join(log))
    async def at(name, delay):
        await asyncio.sleep(delay)
        log.append(name)
    log.clear()
    await asyncio.gather(at("late", 0.02), at("early", 0.01), at("now", 0))
    print(log)


async def replaced():
    original = asyncio.sleep
    async def fake(delay, result=None):
        print("fake sleep", delay)
        return "fake"
    asyncio.sleep = fake
    try:
        print(await asyncio.sleep(1))
    finally:
        asyncio.sleep = original
    print(await asyncio.sleep(0, "real"))


async def main():
    await sleeps()
    try:
        await cancels()
    except TimeoutError:
        print("TimeoutError out of timeout()")
    await ordering()
    await replaced()

asyncio.run(main())


def drive_by_hand():
    async def co():
        got = await asyncio.sleep(0)
        return got
    c = co()
    print("yielded:", c.send(None))
    try:
        c.send(42)
    except StopIteration as e:
        print("returned:", e.value)
    c = co()
    c.send(None)
    try:
        c.throw(ValueError("in"))
    except ValueError as e:
        print("thrown through:", e)

drive_by_hand()
