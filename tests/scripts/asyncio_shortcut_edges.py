# The native shortcuts of asyncio (src/aio/shortcuts.rs) meet state that
# is not the classes' own: lists for lines, ints for flags, wrong arities.
import asyncio
class Q(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []          # a list, not the native Fifo
    def _put(self, item): self._queue.append(item)
    def _get(self): return self._queue.pop(0)
class WeirdLock(asyncio.Lock):
    pass
async def main():
    q = Q(2)
    await q.put(1); await q.put(2)
    print(await q.get(), await q.get(), q.empty())
    lk = WeirdLock()
    lk._locked = 0            # not a bool
    print(await lk.acquire(), lk.locked())
    lk.release()
    lk._waiters = []          # a list line
    print(await lk.acquire())
    lk.release()
    ev = asyncio.Event()
    ev._value = 1
    print(await ev.wait())
    ev._value = 0
    ev._waiters = []
    async def setter():
        await asyncio.sleep(0)
        ev._value = True
        for w in ev._waiters:
            w.set_result(True)
    t = asyncio.create_task(setter())
    print(await ev.wait())
    await t
    # The shortcut's positional forms with wrong arity raise like the body.
    try:
        await asyncio.Lock().acquire(1)
    except TypeError as e:
        print("TypeError", e)
    try:
        await asyncio.Queue().get(1, 2)
    except TypeError as e:
        print("TypeError", e)
    try:
        await asyncio.sleep()
    except TypeError as e:
        print("TypeError", e)
    try:
        await asyncio.sleep(1, 2, 3)
    except TypeError as e:
        print("TypeError", e)
    async with asyncio.Lock() as x:
        print("entered", x)
    lock = asyncio.Lock()
    await lock.acquire()
    async def waiter():
        async with lock:
            return "got"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    lock.release()
    print(await w)
    class NotAsyncCM:
        __aenter__ = asyncio.Lock.__aenter__
        __aexit__ = asyncio.Lock.__aexit__
    try:
        async with NotAsyncCM():
            pass
    except AttributeError as e:
        print("AttributeError", e)
asyncio.run(main())
