# Sleeping tasks under the high-level API: TaskGroup with a failing
# sibling, wait() with FIRST_COMPLETED and a timeout, as_completed,
# shield, timeout_at, a cancel() whose message reaches the sleeper, and
# sleeps in callbacks' order against call_later.
import asyncio


async def nap(delay, tag, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{tag} woke")
        return tag
    except asyncio.CancelledError as e:
        log.append(f"{tag} cancelled {e.args}")
        raise


async def fail_after(delay):
    await asyncio.sleep(delay)
    raise ValueError("sibling failed")


async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(nap(1, "long", log))
            tg.create_task(nap(0.001, "short", log))
            tg.create_task(fail_after(0.01))
    except* ValueError as eg:
        print("group:", [str(e) for e in eg.exceptions])
    print(log)

    log = []
    tasks = [asyncio.create_task(nap(d, f"t{i}", log)) for i, d in enumerate([0.03, 0.001, 0.5])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print("then:", sorted(t.result() for t in done), [t.get_coro().__name__ for t in pending])
    for t in pending:
        t.cancel("enough")
    await asyncio.gather(*pending, return_exceptions=True)
    print(log)

    order = []
    for fut in asyncio.as_completed([asyncio.sleep(d, d) for d in (0.02, 0.001, 0.01)]):
        order.append(await fut)
    print("as_completed:", order)

    log = []
    inner = asyncio.create_task(nap(0.02, "shielded", log))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner done:", inner.done())
    print("inner result:", await inner, log)

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired:", cm.expired())

    events = []
    loop.call_later(0.002, events.append, "call_later 2ms")
    loop.call_soon(events.append, "call_soon")
    t = asyncio.create_task(asyncio.sleep(0.001, "sleep 1ms"))
    t.add_done_callback(lambda t: events.append(t.result()))
    await asyncio.sleep(0.01)
    print(events)

    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    print(t.cancel("first"), t.cancelling(), t.cancel("second"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args, t.cancelled())


asyncio.run(main())
