# Differential checks of asyncio against CPython 3.11: async generators, async iterators, async context managers.
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


# ---- agen
print("---- agen")
import asyncio

async def agen(n):
    try:
        for i in range(n):
            x = yield i
            if x is not None:
                print("sent", x)
            await asyncio.sleep(0)
    except GeneratorExit:
        print("agen GeneratorExit")
        raise
    finally:
        print("agen finally")

async def main():
    async for v in agen(3):
        print("v", v)
    g = agen(5)
    print(await g.__anext__())
    print(await g.asend("hello"))
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as e:
        print("athrow propagated", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g = agen(5)
    await g.__anext__()
    await g.aclose()
    print(g.ag_running, g.ag_frame)
    await g.aclose()
    # athrow caught inside generator
    async def catcher():
        while True:
            try:
                yield "normal"
            except KeyError:
                yield "caught"
    c = catcher()
    print(await c.asend(None))
    print(await c.athrow(KeyError))
    print(await c.__anext__())
    await c.aclose()
    # yield in finally during aclose -> RuntimeError
    async def bad():
        try:
            yield 1
        finally:
            yield 2
    b = bad()
    await b.__anext__()
    try:
        await b.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # async comprehension
    print([x async for x in agen(3)])
    print({x: x * x async for x in agen(2) if x})
    # asend non-None on fresh
    g = agen(2)
    try:
        await g.asend(1)
    except TypeError as e:
        print("TypeError:", e)
    print(type(g).__name__, g.__name__, g.__qualname__)
    print(repr(g.asend(None))[:24])
    # anext builtin
    g = agen(1)
    print(await anext(g))
    print(await anext(g, "default"))
    g2 = agen(0)
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("StopAsyncIteration from anext")
    # aiter
    print(aiter(g2) is g2)
    # return in async gen
    async def ret():
        yield 1
        return
    print([x async for x in ret()])

asyncio.run(main())

# ---- acm
print("---- acm")
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack, aclosing

@asynccontextmanager
async def res(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("cm saw", e)
    finally:
        print("exit", name)

class ACM:
    async def __aenter__(self):
        print("aenter")
        return self
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None, ev)
        return et is KeyError

async def main():
    async with res("a") as r:
        print("body", r)
    async with res("b") as r:
        raise ValueError("swallowed")
    print("after b")
    try:
        async with res("c"):
            raise TypeError("kept")
    except TypeError as e:
        print("TypeError", e)
    async with ACM() as a:
        raise KeyError("k")
    print("suppressed")
    try:
        async with ACM():
            raise IndexError("i")
    except IndexError:
        print("IndexError passed")
    async with res("x") as x, res("y") as y:
        print(x, y)
    async with AsyncExitStack() as stack:
        v1 = await stack.enter_async_context(res("s1"))
        v2 = await stack.enter_async_context(res("s2"))
        stack.callback(print, "sync callback")
        async def acb(m):
            print("async callback", m)
        stack.push_async_callback(acb, "m")
        print(v1, v2)
    async def gen():
        try:
            yield 1
            yield 2
        finally:
            print("gen closed")
    async with aclosing(gen()) as g:
        async for v in g:
            print(v)
            break
    @asynccontextmanager
    async def noyield():
        if False:
            yield
    try:
        async with noyield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    @asynccontextmanager
    async def twice():
        yield
        yield
    try:
        async with twice():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    @res("deco")
    async def decorated():
        print("inside decorated")
    await decorated()

asyncio.run(main())

# ---- async_iter
print("---- async_iter")
import asyncio

class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i

class BadAiter:
    def __aiter__(self):
        return 5

class NoAnext:
    def __aiter__(self):
        return self

class SyncAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 3

async def main():
    async for x in Counter(3):
        print(x)
    else:
        print("else ran")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        print("loop", x)
    else:
        print("no else")
    for obj in (BadAiter(), NoAnext(), SyncAnext(), 5):
        try:
            async for _ in obj:
                pass
        except TypeError as e:
            print("TypeError:", e)
    try:
        async with Counter(1):
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    print([x async for x in Counter(3)])
    print([x * y async for x in Counter(2) for y in range(2)])
    g = (x async for x in Counter(2))
    print(type(g).__name__)
    print([v async for v in g])
    async def nested():
        return [[y async for y in Counter(x)] for x in range(3)]
    print(await nested())
    # await in comprehension
    async def dbl(x):
        return x * 2
    print([await dbl(x) for x in range(3)])
    print({await dbl(x) for x in range(3)})

asyncio.run(main())

# ---- stream_like
print("---- stream_like")
import asyncio

class Channel:
    def __init__(self):
        self.q = asyncio.Queue()
        self.closed = False
    async def send(self, v):
        await self.q.put(v)
    def close(self):
        self.closed = True
        self.q.put_nowait(StopAsyncIteration)
    def __aiter__(self):
        return self
    async def __anext__(self):
        v = await self.q.get()
        if v is StopAsyncIteration:
            raise StopAsyncIteration
        return v

async def main():
    ch = Channel()
    async def prod():
        for i in range(4):
            await ch.send(i)
            await asyncio.sleep(0)
        ch.close()
    async def cons(name):
        out = []
        async for v in ch:
            out.append(v)
        return name, out
    p = asyncio.create_task(prod())
    print(await cons("c"))
    await p
    # merge async generators
    async def gen(name, n, d):
        for i in range(n):
            await asyncio.sleep(d)
            yield f"{name}{i}"
    async def merge(*gens):
        q = asyncio.Queue()
        async def drain(g):
            async for v in g:
                await q.put(v)
        tasks = [asyncio.create_task(drain(g)) for g in gens]
        done = asyncio.gather(*tasks)
        while not (done.done() and q.empty()):
            getter = asyncio.create_task(q.get())
            finished, _ = await asyncio.wait({getter, done}, return_when=asyncio.FIRST_COMPLETED)
            if getter in finished:
                yield getter.result()
            else:
                getter.cancel()
    print([v async for v in merge(gen("a", 3, 0.02), gen("b", 2, 0.05))])

asyncio.run(main())

# ---- agen_advanced
print("---- agen_advanced")
import asyncio

async def gen():
    try:
        x = yield 1
        print("got", x)
        try:
            yield 2
        except ValueError as e:
            print("inner caught", e)
            yield "recovered"
        yield 3
    finally:
        await asyncio.sleep(0)
        print("cleanup with await")

async def main():
    g = gen()
    print(g.ag_running, g.ag_await)
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.athrow(ValueError, ValueError("v")))
    print(await g.__anext__())
    await g.aclose()
    print(g.ag_frame)
    # athrow on a fresh generator
    g2 = gen()
    try:
        await g2.athrow(KeyError("fresh"))
    except KeyError as e:
        print("fresh athrow", e)
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("closed after athrow")
    # aclose on fresh generator: nothing runs
    g3 = gen()
    await g3.aclose()
    print("fresh aclose ok")
    # generator that raises StopAsyncIteration internally
    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for v in bad():
            print("v", v)
    except RuntimeError as e:
        print("RuntimeError:", e)
    # concurrent anext
    async def slow():
        await asyncio.sleep(0.01)
        yield 1
    s = slow()
    a1 = asyncio.ensure_future(s.__anext__())
    await asyncio.sleep(0)
    try:
        await s.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await a1)
    # return value with yield in async gen is syntax error -> skip; ag_code name
    print(gen().ag_code.co_name)
    # async generator expression
    agx = (i * i async for i in slow())
    print([v async for v in agx])
    # awaiting asend twice
    g4 = gen()
    aw = g4.asend(None)
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    await g4.aclose()

asyncio.run(main())

# ---- aexit_errors
print("---- aexit_errors")
import asyncio

class CM:
    def __init__(self, name, fail_enter=False, fail_exit=False, suppress=False):
        self.name, self.fail_enter, self.fail_exit, self.suppress = name, fail_enter, fail_exit, suppress
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError(f"enter {self.name}")
        return self.name
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("exit", self.name, et.__name__ if et else None)
        if self.fail_exit:
            raise KeyError(f"exit {self.name}")
        return self.suppress

async def main():
    try:
        async with CM("a"), CM("b", fail_enter=True):
            print("body")
    except RuntimeError as e:
        print("caught", e)
    try:
        async with CM("c", fail_exit=True):
            raise ValueError("body err")
    except KeyError as e:
        print("caught", repr(e), "context:", repr(e.__context__))
    async with CM("d", suppress=True):
        raise ValueError("suppressed")
    print("after d")
    async def gen():
        async with CM("in-gen"):
            yield 1
            yield 2
    g = gen()
    print(await g.__anext__())
    await g.aclose()
    async def ret():
        async with CM("ret"):
            return "returned"
    print(await ret())
    for i in range(2):
        async with CM(f"loop{i}"):
            if i == 0:
                continue
            break
    print("loop done")
    t = asyncio.create_task(ret())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled inside async with")

asyncio.run(main())
