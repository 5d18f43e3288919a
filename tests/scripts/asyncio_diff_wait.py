# Differential checks of asyncio against CPython 3.11: wait, as_completed, shield, wait_for corners.
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


# ---- wait
print("---- wait")
import asyncio

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(name)
    return name

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.05)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print(names(done), names(pending))
    ts = [asyncio.create_task(job("x", 0.01, True), name="x"), asyncio.create_task(job("y", 0.1), name="y")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))
    for t in done:
        print(repr(t.exception()))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print(names(done), names(pending))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print(names(done), [t.cancelled() for t in done])
    # FIRST_EXCEPTION with no exception -> all completed
    ts = [asyncio.create_task(job(str(i), 0.001 * i), name=str(i)) for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))
    # empty set
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(ts, return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    # timeout returns with pending; tasks keep running
    t = asyncio.create_task(job("late", 0.05))
    done, pending = await asyncio.wait({t}, timeout=0)
    print(len(done), len(pending))
    print(await t)
    # wait with a future
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, f.set_result, 9)
    done, _ = await asyncio.wait([f])
    print(done == {f}, f.result())

asyncio.run(main())

# ---- as_completed
print("---- as_completed")
import asyncio

async def job(v, d):
    await asyncio.sleep(d)
    return v

async def main():
    for coro in asyncio.as_completed([job("c", 0.03), job("a", 0.01), job("b", 0.02)]):
        print(await coro)
    it = asyncio.as_completed([job(1, 0.01)])
    print(type(it).__name__)
    got = []
    for f in asyncio.as_completed([job(i, 0) for i in range(4)]):
        got.append(await f)
    print(sorted(got))
    try:
        for f in asyncio.as_completed([job(1, 1), job(2, 0.01)], timeout=0.05):
            print("got", await f)
    except asyncio.TimeoutError:
        print("timed out")
    print(list(asyncio.as_completed([])))
    # duplicates are deduplicated
    t = asyncio.ensure_future(job("t", 0))
    n = 0
    for f in asyncio.as_completed([t, t]):
        print(await f); n += 1
    print(n)

asyncio.run(main())

# ---- shield
print("---- shield")
import asyncio

async def inner(d, v):
    try:
        await asyncio.sleep(d)
        print("inner finished", v)
        return v
    except asyncio.CancelledError:
        print("inner cancelled", v)
        raise

async def main():
    print(await asyncio.shield(inner(0, "a")))
    # Wide margin: a loaded machine can stall the loop past both deadlines.
    t = asyncio.create_task(inner(0.2, "b"))
    async def outer():
        return await asyncio.shield(t)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.005)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", o.cancelled(), t.cancelled())
    print(await t)
    # shield a done future
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    print(asyncio.shield(f) is f)
    # cancel the inner: shield reflects it
    t = asyncio.create_task(inner(1, "c"))
    s = asyncio.shield(t)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield saw inner cancel", s.cancelled())
    # inner raises
    async def bad():
        raise OSError("nope")
    try:
        await asyncio.shield(bad())
    except OSError as e:
        print("OSError", e)
    # wait_for around a shield
    t = asyncio.create_task(inner(0.03, "d"))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.01)
    except TimeoutError:
        print("timed out, inner alive:", not t.done())
    print(await t)

asyncio.run(main())

# ---- wait_for_edge
print("---- wait_for_edge")
import asyncio

async def main():
    # wait_for when inner completes at the same time as timeout
    async def quick():
        return "quick"
    print(await asyncio.wait_for(quick(), 0.0001))
    # wait_for cancelled while inner ignores cancel
    async def ignore_cancel():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            await asyncio.sleep(0.01)
            return "ignored"
    try:
        print(await asyncio.wait_for(ignore_cancel(), 0.01))
    except TimeoutError:
        print("timeout")
    # wait_for with a future result set via call_later
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.005, f.set_result, "late")
    print(await asyncio.wait_for(f, 1))
    f = loop.create_future()
    try:
        await asyncio.wait_for(f, 0.005)
    except TimeoutError:
        print("future cancelled", f.cancelled())
    # wait_for on a task raising CancelledError itself
    async def raises_cancel():
        raise asyncio.CancelledError("self")
    try:
        await asyncio.wait_for(raises_cancel(), 1)
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    # wait_for timeout=None with exception
    async def boom():
        raise OSError(5, "io")
    try:
        await asyncio.wait_for(boom(), None)
    except OSError as e:
        print("OSError", e.errno, e.strerror, str(e))
    # wait_for a coroutine that returns a large result
    async def big():
        await asyncio.sleep(0)
        return list(range(5))
    print(await asyncio.wait_for(big(), timeout=1.0))
    # nested wait_for
    async def nested():
        return await asyncio.wait_for(asyncio.sleep(1, "x"), 0.01)
    try:
        await asyncio.wait_for(nested(), 1)
    except TimeoutError:
        print("inner timeout propagates")
    try:
        await asyncio.wait_for(asyncio.wait_for(asyncio.sleep(1), 1), 0.01)
    except TimeoutError:
        print("outer timeout")

asyncio.run(main())
