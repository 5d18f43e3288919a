# gather() with repeated awaitables, and done callbacks shared between
# futures: removing one future's callback leaves the others' in place.
import asyncio
import gc


async def value(x):
    await asyncio.sleep(0)
    return x


def note(fut):
    print("note", fut.result())


async def main():
    c = value(1)
    print(await asyncio.gather(c, c, value(2)))
    t = asyncio.ensure_future(value(3))
    print(await asyncio.gather(t, t, t))
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    ctx = __import__("contextvars").copy_context()
    for f in futs:
        f.add_done_callback(note, context=ctx)
    print([len(f._callbacks) for f in futs])
    print(all(f._callbacks[0][0] is note and f._callbacks[0][1] is ctx for f in futs))
    print(futs[1].remove_done_callback(note))
    print([len(f._callbacks or []) for f in futs])
    for i, f in enumerate(futs):
        f.set_result(i)
    await asyncio.sleep(0)
    # Many children: results in order, every callback ran once.
    many = [value(i) for i in range(1000)]
    got = await asyncio.gather(*many)
    print(len(got), got[:3], got[-1], sum(got))
    # A failing child, with return_exceptions.
    async def bad():
        raise ValueError("bad")
    print(await asyncio.gather(value(1), bad(), return_exceptions=True))
    try:
        await asyncio.gather(value(1), bad())
    except ValueError as e:
        print("raised", e)
    gc.collect()


asyncio.run(main())
