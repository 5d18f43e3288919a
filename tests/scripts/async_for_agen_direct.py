import asyncio
async def ag(log):
    try:
        for i in range(4):
            if i % 2:
                await asyncio.sleep(0)
            yield i
    finally:
        log.append('fin')
async def inner_raise():
    yield 1
    raise KeyError('k')
async def stop_inside():
    yield 1
    raise StopAsyncIteration
async def main():
    log = []
    out = []
    async for x in ag(log):
        out.append(x)
        if x == 2:
            break
    print(out, log)
    try:
        async for x in inner_raise():
            print('got', x)
    except KeyError as e:
        print('KeyError', e)
    try:
        async for x in stop_inside():
            print('got', x)
    except RuntimeError as e:
        print('RuntimeError', e)
    g = ag(log)
    async def consume():
        return [x async for x in g]
    t = asyncio.create_task(consume())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled', log)
    # same agen iterated concurrently -> RuntimeError
    async def slow():
        for i in range(3):
            await asyncio.sleep(0.001)
            yield i
    s = slow()
    async def it():
        return [x async for x in s]
    r = await asyncio.gather(it(), it(), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r])
    print([y async for x in ag(log) async for y in ag([]) if x == y])
asyncio.run(main())
