# What the loop's ready queue holds for a task's steps and wakeups and for
# done callbacks: entries count, come off as Handles that run, and a
# failing callback reaches the exception handler with its handle.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def waiter():
        return await fut

    task = asyncio.create_task(waiter())
    print("after create_task:", len(loop._ready))
    await asyncio.sleep(0)
    print("task waits:", task._fut_waiter is fut, len(loop._ready))
    fut.set_result(5)
    print("after set_result:", len(loop._ready))
    handle = loop._ready.popleft()
    print(type(handle).__name__, handle.cancelled(), len(loop._ready))
    loop._ready.append(handle)
    print("back in the queue:", await task)

    seen = []

    def handler(loop, context):
        seen.append((context["message"].split(" ")[:3], type(context["handle"]).__name__,
                     type(context["exception"]).__name__))

    loop.set_exception_handler(handler)
    other = loop.create_future()
    other.add_done_callback(lambda f: 1 / 0)
    other.set_result(None)
    await asyncio.sleep(0)
    print(seen)

    # A handle cancelled while it waits in the queue does not run.
    ran = []
    h = loop.call_soon(ran.append, "soon")
    h.cancel()
    await asyncio.sleep(0)
    print(ran, h.cancelled())


asyncio.run(main())
