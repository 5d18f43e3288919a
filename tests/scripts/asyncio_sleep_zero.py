import asyncio
c = asyncio.sleep(0, 'res')
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('stop', e.value)
c = asyncio.sleep(0)
c.send(None)
try:
    c.throw(ValueError('boom'))
except ValueError as e:
    print('thrown', e)
c = asyncio.sleep(0)
c.send(None)
c.close()
print('closed', c.cr_frame)
c = asyncio.sleep(0, 7)
print(c.send(None), end=' ')
try:
    c.send('ignored')
except StopIteration as e:
    print('stop', e.value)

async def spin(n, log):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            log.append(i)
    except asyncio.CancelledError:
        log.append('cancelled')
        raise

async def main():
    log = []
    t = asyncio.create_task(spin(10, log))
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled())
    # interleaving order of several spinners
    order = []
    async def w(name):
        for i in range(3):
            order.append((name, i))
            await asyncio.sleep(0)
    await asyncio.gather(w('a'), w('b'), w('c'))
    print(order)
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    print([x async for x in agen()])
asyncio.run(main())
