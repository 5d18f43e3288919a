# Differential checks of asyncio against CPython 3.11: tasks, names, gather, wait_for, ordering, run.
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


# ---- task_names
print("---- task_names")
import asyncio

async def work(n):
    await asyncio.sleep(0)
    return n * 2

async def main():
    t1 = asyncio.create_task(work(1))
    t2 = asyncio.create_task(work(2), name="second")
    print(t2.get_name())
    t1.set_name("first")
    print(t1.get_name())
    t3 = asyncio.create_task(work(3), name=42)
    print(repr(t3.get_name()))
    t3.set_name(3.5)
    print(repr(t3.get_name()))
    print(await t1, await t2, await t3)
    print(t1.done(), t1.cancelled(), t1.result())
    cur = asyncio.current_task()
    print(cur.get_name().startswith("Task-"))
    print(type(cur).__name__, isinstance(cur, asyncio.Future))
    print(cur.get_coro().__name__)
    print(t1.get_coro().__qualname__)
    print(t1.exception())
    print(len(asyncio.all_tasks()))
    t4 = asyncio.create_task(work(4))
    print(len(asyncio.all_tasks()), t4 in asyncio.all_tasks())
    await t4
    print(len(asyncio.all_tasks()))
    print(asyncio.current_task() is cur)

asyncio.run(main())
print(asyncio.current_task.__name__)
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print("RuntimeError:", e)

# ---- gather
print("---- gather")
import asyncio

async def ok(v, d=0):
    await asyncio.sleep(d)
    return v

async def bad(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def main():
    print(await asyncio.gather())
    print(await asyncio.gather(ok(1), ok(2, 0.01), ok(3)))
    r = await asyncio.gather(ok(1), bad("x"), ok(3), return_exceptions=True)
    print([type(x).__name__ for x in r], r[1].args)
    try:
        await asyncio.gather(ok(1), bad("first", 0.01), bad("second", 0.02))
    except ValueError as e:
        print("caught", e)
    # nested gather
    r = await asyncio.gather(asyncio.gather(ok(1), ok(2)), asyncio.gather(ok(3)), ok(4))
    print(r)
    # same coroutine object twice? same future twice
    f = asyncio.ensure_future(ok("dup"))
    print(await asyncio.gather(f, f, f))
    # cancel the gather future
    g = asyncio.gather(ok(1, 1), ok(2, 1))
    await asyncio.sleep(0)
    print("cancel ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", type(e).__name__, e.args)
    print(g.cancelled())
    # cancel one child
    t = asyncio.create_task(ok(5, 1))
    g = asyncio.gather(t, ok(6))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("child cancelled -> gather raises CancelledError", g.cancelled())
    t = asyncio.create_task(ok(5, 1))
    g = asyncio.gather(t, ok(6), return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel("bye")
    r = await g
    print([type(x).__name__ for x in r], r[0].args)
    # gather with cancel message
    g = asyncio.gather(ok(1, 1))
    await asyncio.sleep(0)
    g.cancel("msg!")
    try:
        await g
    except asyncio.CancelledError as e:
        print("msg", e.args)
    print(repr(g)[:40])
    # gather done after completion
    g = asyncio.gather(ok(1))
    await g
    print(g.done(), g.result(), g.cancel())

asyncio.run(main())

# ---- wait_for
print("---- wait_for")
import asyncio

async def slow(d, v="done"):
    try:
        await asyncio.sleep(d)
        return v
    except asyncio.CancelledError:
        print("slow cancelled", d)
        raise
    finally:
        print("slow finally", d)

async def main():
    print(await asyncio.wait_for(slow(0.01), 1))
    try:
        await asyncio.wait_for(slow(1), 0.02)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, e.args, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow(0, "none"), None))
    # timeout <= 0
    try:
        await asyncio.wait_for(slow(0.5), 0)
    except TimeoutError:
        print("zero timeout")
    # already done future with timeout 0
    f = asyncio.get_running_loop().create_future()
    f.set_result(5)
    print(await asyncio.wait_for(f, 0))
    # exception propagates
    async def boom():
        await asyncio.sleep(0)
        raise KeyError("k")
    try:
        await asyncio.wait_for(boom(), 1)
    except KeyError as e:
        print("KeyError", e)
    # cancel the outer task
    async def outer():
        try:
            return await asyncio.wait_for(slow(1), 5)
        except asyncio.CancelledError:
            print("outer saw cancel")
            raise
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled", t.cancelled())
    # task inner gets cancelled on timeout
    inner = asyncio.create_task(slow(1, "inner"))
    try:
        await asyncio.wait_for(inner, 0.01)
    except TimeoutError:
        print("inner", inner.cancelled())
    # wait_for a task that swallows cancellation
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "swallowed"
    try:
        r = await asyncio.wait_for(stubborn(), 0.01)
        print("result", r)
    except TimeoutError:
        print("timeout stubborn")

asyncio.run(main())

# ---- ordering
print("---- ordering")
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

async def main():
    t1 = asyncio.create_task(worker("A", 3))
    t2 = asyncio.create_task(worker("B", 2))
    print("created")
    await asyncio.sleep(0)
    print("main after first sleep")
    t3 = asyncio.create_task(worker("C", 2))
    print(await t1)
    print(await asyncio.gather(t2, t3))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def w(i):
        await fut
        print("woken", i)
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    fut.set_result(None)
    print("result set")
    await asyncio.gather(*ts)
    # done callbacks order vs task wakeups
    f2 = loop.create_future()
    f2.add_done_callback(lambda f: print("cb1"))
    async def w2():
        await f2
        print("task woke")
    t = asyncio.create_task(w2())
    await asyncio.sleep(0)
    f2.add_done_callback(lambda f: print("cb2"))
    f2.set_result(1)
    await t
    # sleep with same deadline keeps creation order
    async def s(i):
        await asyncio.sleep(0.01)
        print("slept", i)
    await asyncio.gather(*(s(i) for i in range(4)))
    # await coroutine directly does not yield
    async def nosuspend():
        print("nosuspend")
        return 1
    t = asyncio.create_task(worker("D", 1))
    await nosuspend()
    print("before D?")
    await t
    # sleep(0) result
    print(await asyncio.sleep(0, "res"), await asyncio.sleep(0.001, result=7))

asyncio.run(main())

# ---- exceptions_tasks
print("---- exceptions_tasks")
import asyncio

async def fail(n):
    await asyncio.sleep(0)
    raise ValueError(f"fail {n}")

async def main():
    t = asyncio.create_task(fail(1))
    try:
        await t
    except ValueError as e:
        print("caught", e)
    print(repr(t.exception()))
    try:
        t.result()
    except ValueError as e:
        print("result re-raises", e)
    # exception traceback preserved
    import traceback
    try:
        await asyncio.create_task(fail(2))
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print([f.name for f in tb][-1])
    # raising StopIteration in coroutine
    async def stopper():
        raise StopIteration("stop")
    try:
        await asyncio.create_task(stopper())
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)
    # KeyboardInterrupt-like BaseException subclass in task
    class MyBase(BaseException):
        pass
    async def base():
        raise MyBase("b")
    t = asyncio.create_task(base())
    try:
        await t
    except MyBase as e:
        print("MyBase", e)
    # exception chaining across await
    async def chain():
        try:
            await fail(3)
        except ValueError as e:
            raise KeyError("wrapped") from e
    try:
        await chain()
    except KeyError as e:
        print("KeyError", e, "cause:", e.__cause__)
    # exception in done callback
    loop = asyncio.get_running_loop()
    ctxs = []
    loop.set_exception_handler(lambda l, c: ctxs.append(sorted(c)))
    f = loop.create_future()
    f.add_done_callback(lambda f: 1 / 0)
    f.set_result(1)
    await asyncio.sleep(0)
    print(ctxs)
    # return exception object (not raising)
    async def ret_exc():
        return ValueError("returned")
    print(repr(await ret_exc()))
    # await a non-awaitable
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)
    class Bad:
        def __await__(self):
            return 5
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError:", e)
    def notcoro():
        return 1
    try:
        asyncio.run(notcoro())
    except (ValueError, TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

asyncio.run(main())

# ---- run_nested
print("---- run_nested")
import asyncio

async def inner():
    return 1

async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "main result"

print(asyncio.run(main()))
print(asyncio.run(inner()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(inner()))
print(loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(inner())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
with asyncio.Runner() as runner:
    print(runner.run(inner()))
    print(runner.run(inner()))
    print(type(runner.get_loop()).__name__ != "")
async def debug():
    return asyncio.get_running_loop().get_debug()
print(asyncio.run(debug(), debug=True))
print(asyncio.run(debug()))
