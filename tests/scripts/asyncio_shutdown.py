# asyncio.run's cleanup: leftover tasks are cancelled, unfinished async
# generators are closed (their finally blocks run, and may await), the
# loop is closed; Runner reuses one loop.
import asyncio


async def ticker(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        await asyncio.sleep(0)
        print(f"{name} closed")


async def forever(name):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(f"{name} cancelled at shutdown")
        raise


async def main():
    gen = ticker("kept")
    print(await gen.__anext__(), await gen.__anext__())
    asyncio.create_task(forever("background"))
    globals()["kept"] = gen
    print("main returns")
    return "result"


print(asyncio.run(main()))
print("after run")

async def use_runner(n):
    await asyncio.sleep(0)
    return n * 2

with asyncio.Runner() as runner:
    print(runner.run(use_runner(1)), runner.run(use_runner(2)))
    loop = runner.get_loop()
    print(loop.is_running(), loop.is_closed())
print(loop.is_closed())
coro = use_runner(3)
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

loop = asyncio.new_event_loop()
print(loop.run_until_complete(use_runner(5)))
fut = loop.create_future()
loop.call_soon(fut.set_result, "via run_until_complete")
print(loop.run_until_complete(fut))
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("run_forever stopped")
loop.close()
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)
coro = use_runner(1)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
