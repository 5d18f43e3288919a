# Differential checks of asyncio against CPython 3.11: loop callbacks, timers, exception handlers, task factories.
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


# ---- loop_calls
print("---- loop_calls")
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    h = loop.call_soon(order.append, "soon1")
    loop.call_soon(order.append, "soon2")
    loop.call_later(0.02, order.append, "later20")
    loop.call_later(0.01, order.append, "later10")
    loop.call_at(loop.time() + 0.015, order.append, "at15")
    loop.call_later(0, order.append, "later0")
    c = loop.call_soon(order.append, "cancelled")
    c.cancel()
    print(type(h).__name__, c.cancelled())
    th = loop.call_later(1, print, "never")
    print(type(th).__name__, th.cancelled())
    th.cancel()
    print(th.cancelled())
    await asyncio.sleep(0.05)
    print(order)
    print(loop.is_running(), loop.is_closed())
    # call_soon with context
    import contextvars
    var = contextvars.ContextVar("var", default="d")
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    loop.call_soon(lambda: print("var:", var.get()), context=ctx)
    loop.call_soon(lambda: print("var:", var.get()))
    await asyncio.sleep(0)
    # callbacks that raise go to exception handler
    def boom():
        raise ZeroDivisionError("cb")
    seen = []
    loop.set_exception_handler(lambda l, c: seen.append((c["message"], type(c.get("exception")).__name__)))
    loop.call_soon(boom)
    await asyncio.sleep(0)
    print(seen)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())
    # when()
    th = loop.call_at(123.5, print)
    print(th.when())
    th.cancel()
    print(isinstance(loop.time(), float))
    # call_soon ordering vs tasks
    async def t(n):
        print("task", n)
    asyncio.create_task(t(1))
    loop.call_soon(print, "callback")
    asyncio.create_task(t(2))
    await asyncio.sleep(0)
    try:
        loop.call_soon(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_soon(print, end="")
    except TypeError as e:
        print("TypeError:", type(e).__name__)

asyncio.run(main())

# ---- loop_forever
print("---- loop_forever")
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
order = []
def tick(n):
    order.append(n)
    if n < 3:
        loop.call_soon(tick, n + 1)
    else:
        loop.stop()
loop.call_soon(tick, 0)
loop.run_forever()
print(order)
async def coro():
    await asyncio.sleep(0)
    return "c"
t = loop.create_task(coro())
print(loop.run_until_complete(t))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "later")
print(loop.run_until_complete(fut))
print(loop.is_running())
# stop before run
loop.stop()
loop.run_forever()
print("stopped immediately")
# run_until_complete on failing coroutine
async def bad():
    raise OSError("x")
try:
    loop.run_until_complete(bad())
except OSError as e:
    print("OSError", e)
print(asyncio.get_event_loop() is loop)
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
asyncio.set_event_loop(None)
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)

# ---- t48b
print("---- t48b")
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    got = []
    def handler(loop_, context):
        got.append({k: (type(v).__name__ if k != "message" else v) for k, v in context.items()})
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: [][1])
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "custom msg", "extra": 1})
    await asyncio.sleep(0)
    for g in got:
        print(sorted(g.items()))
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    loop.default_exception_handler({"message": "to stderr"})
    print("done")

asyncio.run(main())

# ---- callbacks_order
print("---- callbacks_order")
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    out = []
    def cb(tag):
        out.append(tag)
        if tag == "a":
            loop.call_soon(cb, "a-child")
            asyncio.ensure_future(task("from-cb"))
    async def task(tag):
        out.append(tag)
        await asyncio.sleep(0)
        out.append(tag + "-2")
    loop.call_soon(cb, "a")
    asyncio.create_task(task("t1"))
    loop.call_soon(cb, "b")
    await asyncio.sleep(0)
    out.append("main-1")
    await asyncio.sleep(0)
    out.append("main-2")
    await asyncio.sleep(0)
    out.append("main-3")
    await asyncio.sleep(0)
    print(out)
    # call_later with equal delays keeps FIFO; call_at in the past runs soon
    out.clear()
    now = loop.time()
    for i in range(5):
        loop.call_at(now + 0.01, out.append, i)
    loop.call_at(now - 10, out.append, "past")
    loop.call_soon(out.append, "soon")
    await asyncio.sleep(0.02)
    print(out)
    # futures: callbacks run in the order added, after set_result returns
    f = loop.create_future()
    for i in range(3):
        f.add_done_callback(lambda _, i=i: out.append(f"cb{i}"))
    out.clear()
    f.set_result(None)
    out.append("after set")
    await asyncio.sleep(0)
    print(out)

asyncio.run(main())

# ---- heap1
print("---- heap1")
import asyncio, random
random.seed(7)
async def main():
    loop = asyncio.get_running_loop()
    out = []
    base = loop.time() + 0.05
    hs = []
    for i in range(60):
        hs.append(loop.call_at(base + random.choice([0, 0, 0.001, 0.002]), out.append, i))
    for h in random.sample(hs, 10):
        h.cancel()
    await asyncio.sleep(0.1)
    print(out)
asyncio.run(main())

# ---- task_factory
print("---- task_factory")
import asyncio

created = []

def factory(loop, coro, **kw):
    t = asyncio.Task(coro, loop=loop, **kw)
    created.append(t.get_name())
    return t

class MyTask(asyncio.Task):
    pass

async def work(n):
    return n

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t = asyncio.create_task(work(1), name="custom")
    print(await t, t.get_name())
    print(await asyncio.gather(work(2), work(3)))
    loop.set_task_factory(lambda l, c, **kw: MyTask(c, loop=l, **kw))
    t = asyncio.create_task(work(4))
    print(type(t).__name__, await t)
    loop.set_task_factory(None)
    print(len(created))
    try:
        loop.set_task_factory(5)
    except TypeError as e:
        print("TypeError:", e)
    class MyFuture(asyncio.Future):
        def result(self):
            return ("wrapped", super().result())
    f = MyFuture()
    f.set_result(1)
    print(f.result(), await f)

asyncio.run(main())
