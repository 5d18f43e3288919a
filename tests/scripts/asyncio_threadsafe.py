# run_coroutine_threadsafe from the loop thread (tulip has no other threads).
import asyncio
async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b
async def main():
    loop = asyncio.get_running_loop()
    cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
    done = loop.create_future()
    cf.add_done_callback(lambda f: loop.call_soon_threadsafe(done.set_result, f.result()))
    print(await done, cf.done(), cf.result())
    cf2 = asyncio.run_coroutine_threadsafe(add(1, 1), loop)
    print(cf2.cancel(), cf2.cancelled())
    await asyncio.sleep(0.05)
    try:
        asyncio.run_coroutine_threadsafe(42, loop)
    except TypeError as e:
        print("TypeError:", e)
asyncio.run(main())
