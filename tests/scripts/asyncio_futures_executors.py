# Future API details, ensure_future/isfuture/wrap_future, run_in_executor,
# to_thread and concurrent.futures.ThreadPoolExecutor (results only).
import asyncio
import concurrent.futures
import functools


def square(x):
    return x * x


def boom():
    raise ValueError("in executor")


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "custom awaitable"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut), fut.get_loop() is loop, asyncio.isfuture(fut))
    calls = []
    cb = functools.partial(calls.append)
    fut.add_done_callback(cb)
    fut.add_done_callback(cb)
    print(fut.remove_done_callback(cb), fut.remove_done_callback(cb))
    fut.add_done_callback(lambda f: calls.append(f.result()))
    fut.set_result(42)
    print(repr(fut), calls)
    await asyncio.sleep(0)
    print(calls)
    try:
        fut.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

    bad = loop.create_future()
    try:
        bad.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    bad.set_exception(KeyError)
    print(repr(bad.exception()))

    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), c.cancelled(), repr(c))

    t = asyncio.ensure_future(Awaitable())
    print(type(t).__name__, await t)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

    try:
        asyncio.get_running_loop().create_task(42)
    except TypeError as e:
        print("TypeError:", e)

    print(await loop.run_in_executor(None, square, 7))
    try:
        await loop.run_in_executor(None, boom)
    except ValueError as e:
        print("ValueError:", e)
    print(await asyncio.to_thread(square, 9))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(await asyncio.gather(*(loop.run_in_executor(pool, square, i) for i in range(4))))
        cf = pool.submit(square, 5)
        print(cf.result(), cf.done(), cf.exception())
        print(list(pool.map(square, [1, 2, 3])))
        wrapped = asyncio.wrap_future(pool.submit(square, 6))
        print(await wrapped)
    try:
        pool.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
