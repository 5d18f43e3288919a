# Differential checks of asyncio against CPython 3.11: timeout()/timeout_at() and how cancellations turn into TimeoutError.
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


# ---- timeout
print("---- timeout")
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            print(type(cm).__name__, cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("TimeoutError", e.args, cm.expired())
        print(type(e.__context__).__name__)
    async with asyncio.timeout(None) as cm:
        print("when", cm.when())
        await asyncio.sleep(0)
    print(cm.expired())
    async with asyncio.timeout(1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.01)
    print("rescheduled none ok")
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired", cm.expired())
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print("reschedule shorter fired")
    # past deadline
    try:
        async with asyncio.timeout(-1):
            print("body runs")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("negative timeout")
    # nested timeouts: inner fires
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(0)
    except TimeoutError:
        print("outer??")
    # nested: outer fires
    try:
        async with asyncio.timeout(0.01):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner wrongly")
    except TimeoutError:
        print("outer timeout")
    # exception other than cancel passes
    try:
        async with asyncio.timeout(1):
            raise ValueError("v")
    except ValueError as e:
        print("ValueError", e)
    # no await, timeout 0
    try:
        async with asyncio.timeout(0):
            pass
        print("no await: no timeout")
    except TimeoutError:
        print("zero timeout raised")
    cm = asyncio.timeout(1)
    print(repr(cm))
    async with cm:
        print(repr(cm).startswith("<Timeout [active]"))
    print(repr(cm))
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)

asyncio.run(main())

# ---- aws_cancel_msg
print("---- aws_cancel_msg")
import asyncio

async def main():
    # CancelledError propagates message through chain of awaits
    async def inner():
        await asyncio.sleep(1)
    async def middle():
        await inner()
    t = asyncio.create_task(middle())
    await asyncio.sleep(0)
    t.cancel("chain msg")
    try:
        await t
    except asyncio.CancelledError as e:
        print("chain", e.args)
    # cancel task awaiting another task: inner task also cancelled
    inner_t = asyncio.create_task(inner())
    async def awaiting():
        await inner_t
    outer = asyncio.create_task(awaiting())
    await asyncio.sleep(0)
    outer.cancel("outer msg")
    r = await asyncio.gather(outer, inner_t, return_exceptions=True)
    print([repr(x) for x in r])
    # wait_for timeout converts CancelledError -> TimeoutError, with context?
    try:
        await asyncio.wait_for(inner(), 0.001)
    except asyncio.TimeoutError as e:
        print("timeout ctx", type(e.__context__).__name__, type(e.__cause__).__name__)
    # timeout() converts and chains
    try:
        async with asyncio.timeout(0.001):
            await inner()
    except TimeoutError as e:
        print("timeout cm ctx", type(e.__context__).__name__, type(e.__cause__).__name__)
    # cancel message via future
    f = asyncio.get_running_loop().create_future()
    async def wf():
        await f
    t = asyncio.create_task(wf())
    await asyncio.sleep(0)
    f.cancel("future msg")
    try:
        await t
    except asyncio.CancelledError as e:
        print("future cancel", e.args)
    # exception()/result() messages of cancelled task
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.cancel("m2")
    await asyncio.sleep(0)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception()", e.args)

asyncio.run(main())
