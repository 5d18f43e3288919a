# TaskGroup: waiting for children, errors, cancellation of siblings and of
# the parent, exceptions from the body.
import asyncio

log = []


async def child(name, delay, fail=None):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise fail
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.06))
        b = tg.create_task(child("b", 0.01), name="bee")
        log.append("body end")
    print(log, a.result(), b.get_name())
    log.clear()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("ok", 0.001))
            tg.create_task(child("bad", 0.01, ValueError("boom")))
            tg.create_task(child("slow", 1))
            await asyncio.sleep(1)
            log.append("body not finished")
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print(sorted(log))
    log.clear()

    # The body raising: children are cancelled, the error joins the group.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", 1))
            raise KeyError("body")
    except ExceptionGroup as eg:
        print(type(eg).__name__, [repr(e) for e in eg.exceptions], log)
    log.clear()

    # Cancelling the parent from outside cancels the group.
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("g1", 1))
            tg.create_task(child("g2", 1))
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    r = await asyncio.gather(p, return_exceptions=True)
    print(type(r[0]).__name__, sorted(log))
    log.clear()

    tg = asyncio.TaskGroup()
    try:
        tg.create_task(child("x", 0))
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" ", 1)[0])
    async with tg:
        pass
    coro = child("late", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError: finished" if "finished" in str(e) else e)
    coro.close()


asyncio.run(main())
