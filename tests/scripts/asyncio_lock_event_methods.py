# Lock.release and Event.set/clear/is_set (native): errors, waking, overriding.
import asyncio
async def main():
    l = asyncio.Lock()
    try: l.release()
    except RuntimeError as e: print(e)
    async with l:
        print(l.locked(), repr(l).split("[")[1])
    e = asyncio.Event()
    print(e.is_set(), e.set(), e.is_set(), e.clear(), e.is_set())
    w = [asyncio.create_task(e.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    w[1].cancel()
    await asyncio.sleep(0)
    e.set(); e.set()
    print([x.cancelled() or x.result() for x in await asyncio.gather(*w, return_exceptions=True) and w])
    class E(asyncio.Event):
        def set(self):
            print("own set"); super().set()
    E().set()
    c = asyncio.Condition()
    async with c:
        c.notify_all()
    s = asyncio.Semaphore(1)
    async with s: print(s.locked())
asyncio.run(main())
