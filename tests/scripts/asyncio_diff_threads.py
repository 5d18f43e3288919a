# Differential checks of asyncio against CPython 3.11: executors, to_thread and loops in other threads.
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


# ---- executor
print("---- executor")
import asyncio, time, threading, concurrent.futures

def blocking(n):
    time.sleep(0.02)
    return n * n

def raiser():
    raise ValueError("in thread")

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(4)))
    print(r)
    print(await asyncio.to_thread(blocking, 5))
    try:
        await asyncio.to_thread(raiser)
    except ValueError as e:
        print("ValueError", e)
    main_id = threading.get_ident()
    other = await asyncio.to_thread(threading.get_ident)
    print(other != main_id)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        r = await loop.run_in_executor(ex, blocking, 7)
        print(r)
    f = loop.run_in_executor(None, blocking, 3)
    print(type(f).__name__, isinstance(f, asyncio.Future))
    print(await f)
    # to_thread with kwargs
    def kw(a, *, b):
        return a + b
    print(await asyncio.to_thread(kw, 1, b=2))
    # contextvars propagate to to_thread
    import contextvars
    v = contextvars.ContextVar("v")
    v.set("ctx-value")
    print(await asyncio.to_thread(v.get))
    # call_soon_threadsafe from thread
    fut = loop.create_future()
    def setter():
        time.sleep(0.01)
        loop.call_soon_threadsafe(fut.set_result, "from thread")
    threading.Thread(target=setter).start()
    print(await fut)
    # run_coroutine_threadsafe
    async def coro():
        await asyncio.sleep(0.001)
        return "rct"
    def in_thread():
        return asyncio.run_coroutine_threadsafe(coro(), loop).result(2)
    print(await asyncio.to_thread(in_thread))
    # wrap_future
    with concurrent.futures.ThreadPoolExecutor() as ex:
        cf = ex.submit(blocking, 9)
        print(await asyncio.wrap_future(cf))
    # sleep in main while threads run in parallel
    start = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.2) for _ in range(3)))
    print("parallel", time.monotonic() - start < 0.5)

asyncio.run(main())

# ---- thread_loops
print("---- thread_loops")
import asyncio, threading

async def inner(n):
    await asyncio.sleep(0.01)
    return n * 2

def thread_main(results, n):
    results[n] = asyncio.run(inner(n))

async def main():
    results = {}
    ths = [threading.Thread(target=thread_main, args=(results, i)) for i in range(3)]
    for t in ths:
        t.start()
    await asyncio.to_thread(lambda: [t.join() for t in ths])
    print(sorted(results.items()))
    # a loop in another thread, fed with run_coroutine_threadsafe
    loop2 = asyncio.new_event_loop()
    th = threading.Thread(target=loop2.run_forever)
    th.start()
    fut = asyncio.run_coroutine_threadsafe(inner(21), loop2)
    print(await asyncio.wrap_future(fut))
    cf = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop2)
    cf.cancel()
    await asyncio.sleep(0.02)
    print("cf cancelled", cf.cancelled())
    loop2.call_soon_threadsafe(loop2.stop)
    await asyncio.to_thread(th.join)
    loop2.close()
    print(loop2.is_closed())
    # exception in run_coroutine_threadsafe
    async def bad():
        raise ValueError("remote")
    loop3 = asyncio.new_event_loop()
    th = threading.Thread(target=loop3.run_forever)
    th.start()
    cf = asyncio.run_coroutine_threadsafe(bad(), loop3)
    try:
        await asyncio.wrap_future(cf)
    except ValueError as e:
        print("ValueError", e)
    loop3.call_soon_threadsafe(loop3.stop)
    await asyncio.to_thread(th.join)
    loop3.close()

asyncio.run(main())

# ---- cv2
print("---- cv2")
import contextvars, threading, concurrent.futures
v = contextvars.ContextVar("v", default="default")
v.set("main")
out = []
t = threading.Thread(target=lambda: out.append(v.get()))
t.start(); t.join()
print(out)
with concurrent.futures.ThreadPoolExecutor() as ex:
    print(ex.submit(v.get).result())
def setter():
    v.set("thread")
    return v.get()
t = threading.Thread(target=lambda: out.append(setter()))
t.start(); t.join()
print(out, v.get())

# ---- t74_ctx_more
print("---- t74_ctx_more")
import asyncio, contextvars

v = contextvars.ContextVar("v", default="default")

async def main():
    loop = asyncio.get_running_loop()
    v.set("main")
    print(await loop.run_in_executor(None, v.get))
    print(await asyncio.to_thread(v.get))
    # done callbacks run in the context of add_done_callback's caller
    f = loop.create_future()
    async def adder():
        v.set("adder")
        f.add_done_callback(lambda _: print("cb sees", v.get()))
    await asyncio.create_task(adder())
    f.set_result(None)
    await asyncio.sleep(0)
    # call_later captures context at scheduling time
    v.set("before")
    loop.call_later(0.001, lambda: print("later sees", v.get()))
    v.set("after")
    await asyncio.sleep(0.005)
    # Runner with explicit context
    # tasks created inside a task inherit that task's context
    async def parent():
        v.set("parent")
        child = asyncio.create_task(read())
        v.set("parent-changed")
        return await child
    async def read():
        return v.get()
    print(await asyncio.create_task(parent()))
    print(v.get())
    # gather wraps coroutines in tasks: each gets a copy
    async def setter(x):
        v.set(x)
        await asyncio.sleep(0)
        return v.get()
    print(await asyncio.gather(setter("g1"), setter("g2")))
    print(v.get())
    # asyncio.run context isolation
    ctx = contextvars.copy_context()
    print(ctx.run(v.get), len(list(ctx.keys())) >= 1)

asyncio.run(main())
print(v.get())
with asyncio.Runner() as r:
    ctx = contextvars.Context()
    ctx.run(v.set, "runner-ctx")
    async def read():
        return v.get()
    print(r.run(read(), context=ctx))
    print(r.run(read()))
