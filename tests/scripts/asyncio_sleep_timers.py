import asyncio, time

async def sleeper(name, d, log, result=None):
    try:
        r = await asyncio.sleep(d, result)
        log.append((name, 'woke', r))
        return r
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise
    finally:
        log.append((name, 'finally'))

async def main():
    log = []
    # ordering of equal and different deadlines
    tasks = [asyncio.create_task(sleeper(i, 0.01 * (3 - i % 3), log, i)) for i in range(6)]
    print(await asyncio.gather(*tasks))
    print(log); log.clear()
    # cancel while sleeping
    t = asyncio.create_task(sleeper('c', 10, log))
    await asyncio.sleep(0)
    t.cancel('why')
    try:
        await t
    except asyncio.CancelledError as e:
        print('cancelled with', e.args)
    print(log); log.clear()
    loop = asyncio.get_running_loop()
    pass
    # many cancelled sleeps trigger compaction
    ts = [asyncio.create_task(asyncio.sleep(100)) for _ in range(300)]
    await asyncio.sleep(0)
    for x in ts: x.cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    await asyncio.sleep(0)
    print('after mass cancel')
    # wait_for timeout on a sleep
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.01)
    except asyncio.TimeoutError:
        print('timeout ok')
    # timeout context
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout cm ok')
    # sleep result and zero / negative
    print(await asyncio.sleep(0.001, 'r'), await asyncio.sleep(0, 'z'), await asyncio.sleep(-1, 'n'))
    # close a coroutine suspended in sleep
    c = sleeper('closed', 10, log)
    t2 = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    t2.cancel(); 
    await asyncio.gather(t2, return_exceptions=True)
    print(log); log.clear()
    # call_later still works alongside sleeps
    fired = []
    loop.call_later(0.005, fired.append, 'later')
    h = loop.call_later(0.001, fired.append, 'never')
    h.cancel()
    await asyncio.sleep(0.02)
    print(fired, h.cancelled())
    # timing
    t0 = time.monotonic()
    await asyncio.gather(*(asyncio.sleep(0.05) for _ in range(100)))
    print('elapsed ok', 0.04 < time.monotonic() - t0 < 0.5)
    # shield + sleep
    inner = asyncio.ensure_future(asyncio.sleep(0.01, 'shielded'))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.001)
    except asyncio.TimeoutError:
        print('shield timeout', await inner)

asyncio.run(main())

# a sleep left pending when the loop closes
async def leave():
    asyncio.create_task(asyncio.sleep(50))
    await asyncio.sleep(0)
    return 'left'
print(asyncio.run(leave()))
