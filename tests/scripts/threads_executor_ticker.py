# Executor threads are real: three blocking sleeps of 0.2 s run at once on
# worker threads while a ticker task keeps running on the event loop.
import asyncio
import threading
import time


def blocking(n):
    time.sleep(0.2)
    return n, threading.current_thread() is not threading.main_thread()


async def ticker(ticks):
    while True:
        ticks.append(time.monotonic())
        await asyncio.sleep(0.02)


async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    await asyncio.sleep(0)
    start = time.monotonic()
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in range(3)))
    elapsed = time.monotonic() - start
    tick_task.cancel()
    print(results)
    print("together in well under 0.4 s:", elapsed < 0.38)
    print("ticker kept running:", len(ticks) >= 4)
    print(await asyncio.to_thread(sum, [1, 2, 3]))

    # call_soon_threadsafe wakes a loop that has nothing else to do
    woken = loop.create_future()
    threading.Timer(0.05, loop.call_soon_threadsafe, (woken.set_result, "woken")).start()
    print(await woken)

    # an exception in the executor reaches the awaiting task
    def fails():
        raise ValueError("from a thread")
    try:
        await loop.run_in_executor(None, fails)
    except ValueError as e:
        print("caught:", e)

    # a coroutine submitted from a thread with run_coroutine_threadsafe-like plumbing
    async def double(x):
        await asyncio.sleep(0.01)
        return 2 * x
    box = []
    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(double(21), loop)
        box.append(fut.result(timeout=2))
    t = threading.Thread(target=from_thread)
    t.start()
    while not box:
        await asyncio.sleep(0.01)
    t.join()
    print("run_coroutine_threadsafe:", box[0])


asyncio.run(main())
