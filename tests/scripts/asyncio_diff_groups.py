# Differential checks of asyncio against CPython 3.11: TaskGroup, except* and exception groups.
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


# ---- taskgroup
print("---- taskgroup")
import asyncio

async def ok(v, d=0):
    await asyncio.sleep(d)
    print("ok", v)
    return v

async def bad(exc, d=0):
    await asyncio.sleep(d)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(1))
        t2 = tg.create_task(ok(2, 0.01), name="two")
        print(t2.get_name())
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(ValueError("a")))
            tg.create_task(bad(TypeError("b"), 0.001))
            tg.create_task(ok(3, 1))
    except* ValueError as eg:
        print("ValueErrors", repr(eg), [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(KeyError("k")))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions), str(eg))
    # body raises
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(4, 1))
            await asyncio.sleep(0)
            raise RuntimeError("body")
    except* RuntimeError as eg:
        print("body error in group", [str(e) for e in eg.exceptions])
    # cancellation of sibling tasks recorded
    async def slow_cleanup():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("sibling cancelled")
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup())
            tg.create_task(bad(ZeroDivisionError("z"), 0.01))
    except* ZeroDivisionError:
        print("zde handled")
    # create_task after close
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    coro = ok(5)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError", e)
        coro.close()
    # nested task groups
    async def child_group():
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(bad(IndexError("i")))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child_group())
    except ExceptionGroup as eg:
        print("nested", repr(eg))
    print(repr(asyncio.TaskGroup())[:20])
    # a taskgroup getting cancelled from outside
    async def runner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup())
            await asyncio.sleep(1)
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled")

asyncio.run(main())

# ---- crawler
print("---- crawler")
import asyncio

PAGES = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/b"],
    "/b": ["/", "/b/1", "/missing"],
    "/c": [],
    "/a/1": ["/c"],
    "/b/1": [],
}

async def fetch(url):
    await asyncio.sleep(0.001 * len(url))
    if url not in PAGES:
        raise LookupError(url)
    return PAGES[url]

async def crawl(start, limit):
    seen = {start}
    errors = []
    sem = asyncio.Semaphore(limit)
    active = 0
    peak = 0
    async def visit(url):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            try:
                links = await fetch(url)
            except LookupError as e:
                errors.append(str(e))
                return
            finally:
                active -= 1
        async with asyncio.TaskGroup() as tg:
            for link in links:
                if link not in seen:
                    seen.add(link)
                    tg.create_task(visit(link))
    await visit(start)
    return sorted(seen), errors, peak

async def main():
    print(await crawl("/", 2))
    print(await crawl("/", 1))

asyncio.run(main())

# ---- except_star
print("---- except_star")
import asyncio

async def fail(exc, d=0):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError(1)))
            tg.create_task(fail(ValueError(2), 0.001))
            tg.create_task(fail(TypeError(3), 0.002))
            tg.create_task(fail(KeyError(4), 0.003))
    except* ValueError as eg:
        print("values", [e.args for e in eg.exceptions])
    except* (TypeError, KeyError) as eg:
        print("others", sorted(type(e).__name__ for e in eg.exceptions))
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(OSError("os")))
        except* OSError:
            raise RuntimeError("converted")
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__context__).__name__)
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(ValueError("v")))
                tg.create_task(fail(IndexError("i"), 0.001))
        except* ValueError:
            print("handled value")
    except* IndexError as eg:
        print("outer got", repr(eg))
    eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("sub", [TypeError(2), ValueError(3)])])
    match, rest = eg.split(ValueError)
    print(repr(match))
    print(repr(rest))
    print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
    try:
        raise eg
    except* TypeError as g:
        print("star", repr(g))
    except* ValueError as g:
        print("star", repr(g))
    try:
        ExceptionGroup("bad", [BaseException()])
    except TypeError as e:
        print("TypeError:", e)
    print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("e", [ValueError()])).__name__)
    # cancelled task group body
    async def child():
        await asyncio.sleep(1)
    async def body():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            tg.create_task(fail(ZeroDivisionError("z"), 0.01))
            await asyncio.sleep(1)
    try:
        await body()
    except* ZeroDivisionError as eg:
        print("zde", len(eg.exceptions))

asyncio.run(main())

# ---- es
print("---- es")
def t(f):
    try:
        f()
    except BaseException as e:
        print(repr(e))
def a():
    try: raise ValueError(1)
    except* ValueError: raise
def b():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError: raise
def c():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError: raise KeyError("new")
def d():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError: raise KeyError("new")
    except* TypeError: pass
def e():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError: raise KeyError("k")
    except* TypeError: raise OSError("o")
def f():
    try: raise ValueError(1)
    except* ValueError: raise KeyError("naked")
def g():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as eg: raise eg.exceptions[0]
def h():
    try: raise ExceptionGroup("g", [TypeError(2), ValueError(1)])
    except* ValueError: raise
    except* TypeError: raise
for fn in (a, b, c, d, e, f, g, h): t(fn)
