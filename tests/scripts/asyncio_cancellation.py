# Cancellation: messages, uncancel/cancelling, cancel during cleanup,
# cancel of a task awaiting a shielded future, swallowed cancellations.
import asyncio


async def sleeper(log, name, delay=10):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled {e.args}")
        raise
    finally:
        log.append(f"{name} finally")


async def main():
    log = []
    t = asyncio.create_task(sleeper(log, "a"))
    await asyncio.sleep(0)
    print(t.cancel("first"), t.cancel("second"), t.cancelling())
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled(), t.cancelling(), t.uncancel(), t.uncancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raised", e.args)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("second result() raised", e.args)

    # Cancel before the first step: the body never runs.
    log.clear()
    t = asyncio.create_task(sleeper(log, "b"))
    t.cancel()
    await asyncio.sleep(0)
    print(log, t.cancelled())

    # Cancelled right after the coroutine returned in the same step.
    async def quick():
        return "value"
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print(t.done(), t.cancel(), t.result())

    # A task that catches CancelledError and returns a value.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "ignored"
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())

    # cancel() while the task is running: delivered at its next await.
    async def self_cancel():
        asyncio.current_task().cancel("self")
        log.append("still running")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(f"got {e.args}")
            raise
    log.clear()
    t = asyncio.create_task(self_cancel())
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled())

    # Awaiting a cancelled future inside a task.
    fut = asyncio.get_running_loop().create_future()
    fut.cancel("future msg")
    try:
        await fut
    except asyncio.CancelledError as e:
        print("future cancelled:", e.args)

    # cancel() of a task blocked on a shielded task: the inner task survives.
    inner = asyncio.create_task(asyncio.sleep(0.01, result="inner done"))
    async def outer():
        return await asyncio.shield(inner)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    print((await asyncio.gather(o, return_exceptions=True))[0].__class__.__name__,
          await inner, inner.cancelled())

    # Task awaiting itself, and awaiting a plain generator's yield.
    async def await_self():
        await asyncio.current_task()
    t = asyncio.create_task(await_self())
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])


asyncio.run(main())
