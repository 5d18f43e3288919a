# Differential checks of asyncio against CPython 3.11: reprs of tasks, futures, handles and primitives; misc API.
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


class _Masked:
    """A file for print_stack(): what it writes goes through print()."""

    def write(self, text):
        print(text, end="")


_masked = _Masked()


# ---- reprs
print("---- reprs")
import asyncio, re

def clean(s):
    s = re.sub(r"0x[0-9a-f]+", "0x..", s)
    s = re.sub(r"/[^ >]*?\.py", "FILE", s)
    s = re.sub(r"\.py:\d+", ".py:N", s)
    return s

async def coro():
    await asyncio.sleep(0.01)
    return 1

async def failing():
    raise ValueError("bad")

async def main():
    t = asyncio.create_task(coro(), name="T1")
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)))
    await t
    print(clean(repr(t)))
    t2 = asyncio.create_task(failing(), name="T2")
    await asyncio.sleep(0)
    print(clean(repr(t2)))
    t2.exception()
    t3 = asyncio.create_task(coro(), name="T3")
    t3.cancel()
    print(clean(repr(t3)))
    try:
        await t3
    except asyncio.CancelledError:
        pass
    print(clean(repr(t3)))
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(print)
    print(clean(repr(f)))
    f.cancel()
    print(clean(repr(f)))
    f = loop.create_future()
    f.set_result([1, 2])
    print(clean(repr(f)))
    f = loop.create_future()
    f.set_result("x" * 200)
    print(clean(repr(f)))
    print(clean(repr(asyncio.Event())))
    e = asyncio.Event(); e.set()
    print(clean(repr(e)))
    l = asyncio.Lock()
    print(clean(repr(l)))
    await l.acquire()
    print(clean(repr(l)))
    l.release()
    s = asyncio.Semaphore(3)
    print(clean(repr(s)))
    b = asyncio.BoundedSemaphore(2)
    print(clean(repr(b)))
    c = asyncio.Condition()
    print(clean(repr(c)))
    q = asyncio.Queue(3)
    print(clean(repr(q)))
    q.put_nowait(1)
    print(clean(repr(q)), str(q))
    print(clean(repr(asyncio.PriorityQueue())), clean(repr(asyncio.LifoQueue(maxsize=1))))
    h = loop.call_soon(print, "x")
    print(clean(repr(h)))
    h.cancel()
    print(clean(repr(h)))
    th = loop.call_later(10, print)
    print(clean(repr(th))[:30])
    th.cancel()
    print(clean(repr(asyncio.sleep(0)))[:30])
    c = coro()
    print(clean(repr(c)))
    c.close()
    print(clean(repr(asyncio.CancelledError("m"))), clean(repr(asyncio.TimeoutError())))
    print(asyncio.TimeoutError is TimeoutError)
    print(clean(repr(asyncio.InvalidStateError("x"))))
    print(asyncio.QueueEmpty.__mro__[1].__name__, asyncio.QueueFull.__mro__[1].__name__)

asyncio.run(main())

# ---- future_api
print("---- future_api")
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    print(f.done(), f.cancelled())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    calls = []
    def cb(fut):
        calls.append(("cb", fut.result()))
    def cb2(fut):
        calls.append("cb2")
    f.add_done_callback(cb)
    f.add_done_callback(cb2)
    f.add_done_callback(cb2)
    print(f.remove_done_callback(cb2))
    print(f.remove_done_callback(print))
    f.set_result(42)
    print(repr(f))
    print(calls)
    await asyncio.sleep(0)
    print(calls)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f.add_done_callback(lambda fut: print("late cb", fut.result()))
    await asyncio.sleep(0)
    print(await f)
    g = loop.create_future()
    g.set_exception(KeyError("x"))
    print(repr(g))
    print(repr(g.exception()))
    try:
        g.result()
    except KeyError as e:
        print("KeyError", e)
    h = loop.create_future()
    try:
        h.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    h.set_exception(ValueError)
    print(repr(h.exception()))
    c = loop.create_future()
    print(c.cancel("why"), c.cancel())
    print(repr(c))
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("Cancelled", e.args)
    print(f.get_loop() is loop)
    # Future() outside a loop
    fut2 = asyncio.Future()
    print(fut2.get_loop() is loop)
    # __await__ / __iter__
    fut3 = loop.create_future()
    loop.call_soon(fut3.set_result, "iter")
    print(await fut3)
    print(asyncio.isfuture(fut3), asyncio.isfuture(1))
    # callbacks with context
    import contextvars
    cv = contextvars.ContextVar("cv", default=0)
    ctx = contextvars.Context()
    ctx.run(cv.set, 99)
    fut4 = loop.create_future()
    fut4.add_done_callback(lambda _: print("cv in cb", cv.get()), context=ctx)
    fut4.set_result(None)
    await asyncio.sleep(0)
    # exception instance of class
    fut5 = loop.create_future()
    fut5.set_exception(RuntimeError("r"))
    try:
        await fut5
    except RuntimeError as e:
        print("awaited raises", e)
    # cancelled future set_result
    fut6 = loop.create_future()
    fut6.cancel()
    try:
        fut6.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

asyncio.run(main())

# ---- t41b
print("---- t41b")
import asyncio

async def work(v):
    await asyncio.sleep(0)
    return v

async def main():
    t = asyncio.create_task(work("x"))
    t.add_done_callback(lambda f: print("cb1", f.result()))
    t.add_done_callback(lambda f: print("cb2", f is t))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await t)
    print("after await")
    await asyncio.sleep(0)
    print("after sleep")
    # callback on done task scheduled via call_soon
    t.add_done_callback(lambda f: print("late cb"))
    print("added late")
    await asyncio.sleep(0)
    # cancelled task callbacks
    t2 = asyncio.create_task(work("y"))
    t2.add_done_callback(lambda f: print("cancelled cb", f.cancelled()))
    t2.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(asyncio.Future[int], asyncio.Task[str])
    st = t.get_stack()
    print(st)
    print(t.get_coro())

asyncio.run(main())

# ---- contextvars
print("---- contextvars")
import asyncio, contextvars

request_id = contextvars.ContextVar("request_id", default="none")
counter = contextvars.ContextVar("counter")

async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.001 * (3 - n))
    await sub(n)
    return request_id.get()

async def sub(n):
    print("sub", n, request_id.get())

async def main():
    print(request_id.get())
    request_id.set("main")
    r = await asyncio.gather(*(handler(i) for i in range(3)))
    print(r)
    print(request_id.get())
    # task copies context at creation
    counter.set(1)
    async def incr():
        counter.set(counter.get() + 1)
        return counter.get()
    t = asyncio.create_task(incr())
    counter.set(10)
    print(await t, counter.get())
    # explicit context
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "custom")
    async def read():
        return request_id.get()
    print(await asyncio.create_task(read(), context=ctx))
    print(ctx[request_id])
    # token reset
    tok = request_id.set("temp")
    request_id.reset(tok)
    print(request_id.get())
    try:
        request_id.reset(tok)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(request_id)[:35])
    try:
        counter2 = contextvars.ContextVar("c2")
        counter2.get()
    except LookupError as e:
        print("LookupError", repr(e)[:30])
    # awaiting a coroutine directly shares context
    async def setit():
        request_id.set("set-in-coro")
    await setit()
    print(request_id.get())
    await asyncio.create_task(setit())
    print(request_id.get())
    # wait_for / to_thread keep context
    print(await asyncio.wait_for(read(), 1))

asyncio.run(main())
print(request_id.get())

# ---- misc_api
print("---- misc_api")
import asyncio, inspect

async def c():
    return 1

def gen_based():
    yield

async def main():
    print(asyncio.iscoroutinefunction(c), asyncio.iscoroutinefunction(gen_based), asyncio.iscoroutinefunction(print))
    co = c()
    print(asyncio.iscoroutine(co), asyncio.iscoroutine(1), inspect.iscoroutine(co), inspect.isawaitable(co))
    f = asyncio.ensure_future(co)
    print(type(f).__name__, await f)
    f2 = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(f2) is f2)
    f2.cancel()
    try:
        asyncio.ensure_future(5)
    except TypeError as e:
        print("TypeError:", e)
    class Aw:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "awaitable"
    fut = asyncio.ensure_future(Aw())
    print(type(fut).__name__, await fut)
    print(await Aw())
    print(await asyncio.gather(Aw(), c()))
    print(asyncio.get_event_loop() is asyncio.get_running_loop())
    print(asyncio.sleep.__name__, callable(asyncio.run))
    print(sorted(n for n in ["run", "gather", "wait", "Task", "Future", "TaskGroup", "timeout", "Runner", "Barrier", "to_thread", "iscoroutine", "current_task", "get_running_loop", "new_event_loop", "sleep", "shield", "wait_for", "as_completed", "Queue", "Event", "Lock", "Semaphore", "Condition", "BoundedSemaphore", "CancelledError", "TimeoutError", "InvalidStateError", "run_coroutine_threadsafe", "ensure_future", "create_task", "all_tasks", "timeout_at", "Timeout", "wrap_future", "isfuture"] if not hasattr(asyncio, n)))
    t = asyncio.Task(c(), name="direct")
    print(t.get_name(), await t)
    try:
        asyncio.Task(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.sleep(-1)
        print("negative sleep ok")
    except ValueError as e:
        print(e)
    print(asyncio.Task.__name__, asyncio.Future.__name__, asyncio.Task.__mro__[1].__name__)
    loop = asyncio.get_running_loop()
    print(type(loop).__name__ in ("_UnixSelectorEventLoop", "SelectorEventLoop") or type(loop).__name__)
    print(isinstance(loop, asyncio.AbstractEventLoop))
    print(loop.get_debug())

asyncio.run(main())

# ---- w1
print("---- w1")
class A: pass
class B:
    def __enter__(self): return self
class C:
    def __exit__(self, *a): pass
for k in (A, B, C):
    try:
        with k(): pass
    except Exception as e: print(type(e).__name__, e)
import asyncio
class D: pass
class E:
    async def __aenter__(self): pass
async def main():
    for k in (D, E):
        try:
            async with k(): pass
        except Exception as e: print(type(e).__name__, e)
asyncio.run(main())

# ---- await_exprs
print("---- await_exprs")
import asyncio

async def val(x):
    await asyncio.sleep(0)
    return x

class Account:
    def __init__(self):
        self.balance = 0
        self.lock = asyncio.Lock()
    async def deposit(self, n):
        async with self.lock:
            b = self.balance
            await asyncio.sleep(0)
            self.balance = b + n
    @classmethod
    async def make(cls):
        await asyncio.sleep(0)
        return cls()
    @staticmethod
    async def helper():
        return "static"
    @property
    async def prop(self):
        return self.balance
    async def __aiter__(self):
        for i in range(3):
            yield i * self.balance

async def main():
    print(f"{await val(1)} and {await val('two')!r}")
    print(await val(0) or await val("fallback"))
    print(await val(1) and await val("and-val"))
    print(await val(3) if await val(True) else await val(4))
    print([await val(i) for i in range(3) if await val(i % 2 == 0)])
    d = {await val("k"): await val("v")}
    print(d)
    x = (await val(5)) + (await val(6)) * 2
    print(x)
    print(await val(await val(await val("nested"))))
    acc = await Account.make()
    await asyncio.gather(*(acc.deposit(10) for _ in range(5)))
    print(acc.balance, await Account.helper(), await acc.prop)
    print([v async for v in acc])
    async def agen_with_awaits():
        for i in range(3):
            yield await val(i * 10)
    print([v async for v in agen_with_awaits()])
    try:
        assert await val(False), await val("assert msg")
    except AssertionError as e:
        print("AssertionError", e)
    lst = [1, 2]
    lst[await val(0)] = await val(100)
    print(lst)
    a, b = await val((1, 2))
    print(a, b)
    print(await asyncio.gather(*[val(i) for i in range(3)]))
    while (n := await val(acc.balance)) > 30:
        acc.balance -= 10
    print(n)
    with_lambda = lambda: val("from lambda")
    print(await with_lambda())

asyncio.run(main())

# ---- print_stack
print("---- print_stack")
import asyncio, sys
async def inner():
    await asyncio.sleep(0)
    raise KeyError("b")
async def sleeper():
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0.01)
    t.print_stack(file=_masked)
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    s.print_stack(file=_masked)
    s.print_stack(limit=0, file=_masked)
    s.cancel()
    c = asyncio.create_task(sleeper())
    c.print_stack(file=_masked)
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    c.print_stack(file=_masked)
asyncio.run(main())

# ---- log_traceback
print("---- log_traceback")
import asyncio
async def fail(): raise KeyError(1)
async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0)
    print(t._log_traceback)
    t._log_traceback = False
    print(t._log_traceback)
    del t
    t = asyncio.create_task(fail())
    await asyncio.sleep(0)
    t.exception()
    print(t._log_traceback)
    f = asyncio.get_running_loop().create_future()
    print(f._log_traceback, hasattr(f, "_unretrieved_report"))
asyncio.run(main())
import asyncio
async def m():
    f = asyncio.get_running_loop().create_future()
    try:
        f._log_traceback = True
    except ValueError as e: print(e)
asyncio.run(m())
