# Differential checks of asyncio against CPython 3.11: cancellation: messages, counts, gather of cancelled children.
# Each part was a separate program; they run one after the other, and
# print() masks what changes between runs (addresses, this directory,
# loop times).
import builtins
import os
import re

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def print(*args, sep=" ", end="\n", **kw):
    text = sep.join(str(a) for a in args).replace(_HERE, "")
    text = re.sub(r"0x[0-9a-f]+", "0x..", text)
    text = re.sub(r"when=[0-9.]+", "when=T", text)
    builtins.print(text, end=end, **kw)


# ---- cancel
print("---- cancel")
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    t = asyncio.create_task(sleeper(1))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", repr(e), e.args)
    print(t.cancel(), t.cancelled(), t.done())
    t = asyncio.create_task(sleeper(1))
    await asyncio.sleep(0)
    t.cancel("reason")
    try:
        await t
    except asyncio.CancelledError as e:
        print("msg", e.args, str(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result raises", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception raises", e.args)
    # cancel before first step
    t = asyncio.create_task(sleeper(1))
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("early", e.args)
    # uncancel
    async def swallower():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print("cancelling", me.cancelling())
            print("uncancel ->", me.uncancel())
            print("cancelling", me.cancelling())
        return "survived"
    t = asyncio.create_task(swallower())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    # cancel a done task
    print(t.cancel())
    # CancelledError is BaseException
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    # cancel self
    async def selfcancel():
        asyncio.current_task().cancel("self")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("self cancel", e.args)
            raise
    t = asyncio.create_task(selfcancel())
    r = await asyncio.gather(t, return_exceptions=True)
    print(repr(r[0]))
    # cancel while awaiting a future
    fut = asyncio.get_running_loop().create_future()
    async def waitf():
        return await fut
    t = asyncio.create_task(waitf())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print(fut.cancelled(), t.done())
    # multiple cancel then swallow, count
    async def counting():
        for i in range(3):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("caught", i, asyncio.current_task().cancelling())
        return "end"
    t = asyncio.create_task(counting())
    for _ in range(3):
        await asyncio.sleep(0)
        t.cancel()
    print(await t)
    # cancel with exception raised in finally replaces
    async def cleanup_raises():
        try:
            await asyncio.sleep(1)
        finally:
            raise ValueError("from finally")
    t = asyncio.create_task(cleanup_raises())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except ValueError as e:
        print("ValueError", e, type(e.__context__).__name__)

asyncio.run(main())

# ---- gather_cancel_children
print("---- gather_cancel_children")
import asyncio

async def child(i, d):
    try:
        await asyncio.sleep(d)
        print("child done", i)
        return i
    except asyncio.CancelledError as e:
        print("child cancelled", i, e.args)
        raise

async def main():
    g = asyncio.gather(child(1, 0.001), child(2, 1), child(3, 1))
    # Wide margin: child 1 first runs after this sleep started, on a loaded machine.
    await asyncio.sleep(0.1)
    print(g.cancel("stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", e.args)
    # outer task awaiting gather is cancelled -> children cancelled
    async def parent():
        return await asyncio.gather(child(4, 1), child(5, 1))
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled")
    # an exception does not cancel the siblings
    t = asyncio.create_task(child(6, 0.02))
    async def boom():
        raise ValueError("boom")
    try:
        await asyncio.gather(t, boom())
    except ValueError:
        print("boom seen, sibling done?", t.done())
    print(await t)
    # gather of already-finished futures
    loop = asyncio.get_running_loop()
    f1 = loop.create_future(); f1.set_result("r1")
    f2 = loop.create_future(); f2.set_exception(KeyError("k"))
    print(await asyncio.gather(f1, f2, return_exceptions=True))
    f3 = loop.create_future(); f3.cancel()
    print(await asyncio.gather(f1, f3, return_exceptions=True))

asyncio.run(main())

# ---- retry
print("---- retry")
import asyncio

class Flaky:
    def __init__(self, fails):
        self.fails = fails
        self.calls = 0
    async def __call__(self):
        self.calls += 1
        await asyncio.sleep(0.001)
        if self.calls <= self.fails:
            raise ConnectionError(f"attempt {self.calls}")
        return f"ok after {self.calls}"

async def retry(fn, attempts, delay=0.001):
    last = None
    for i in range(attempts):
        try:
            return await fn()
        except ConnectionError as e:
            last = e
            print("retrying after", e)
            await asyncio.sleep(delay * (2 ** i))
    raise RuntimeError("gave up") from last

async def main():
    print(await retry(Flaky(2), 5))
    try:
        await retry(Flaky(10), 3)
    except RuntimeError as e:
        print(e, "<-", repr(e.__cause__))
    results = await asyncio.gather(retry(Flaky(1), 3), retry(Flaky(5), 2), return_exceptions=True)
    print([r if isinstance(r, str) else f"{type(r).__name__}: {r}" for r in results])
    async def with_timeout():
        try:
            # The fifth retry prints at 15 delays, the sixth would at 31:
            # the deadline falls midway, 100 ms from either.
            async with asyncio.timeout(0.29):
                await retry(Flaky(100), 100, delay=0.0125)
        except TimeoutError:
            print("overall timeout")
    await with_timeout()

asyncio.run(main())
