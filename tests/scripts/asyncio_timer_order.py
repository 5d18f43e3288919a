# Timers due at the same time run in the order of CPython's heap of
# handles (not creation order), cancelled timers never run, and a heap
# mostly made of cancelled timers is compacted without changing that order.
import asyncio
import random


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    random.seed(5)
    start = loop.time() + 0.05
    handles = []
    for i in range(200):
        when = start + random.choice([0, 0.001, 0.002, 0.003])
        handles.append(loop.call_at(when, fired.append, i))
    for h in handles[::7]:
        h.cancel()
    await asyncio.sleep(0.1)
    print(fired)
    print(all(h.cancelled() for h in handles[::7]))

    # More than 100 cancelled timers, over half of the heap: compaction.
    fired.clear()
    start = loop.time() + 0.05
    handles = [loop.call_at(start + (i % 3) * 0.001, fired.append, i) for i in range(400)]
    for h in handles[:300]:
        h.cancel()
    await asyncio.sleep(0)
    late = [loop.call_at(start, fired.append, -i) for i in range(1, 20)]
    await asyncio.sleep(0.1)
    print(fired)
    print(late[0].when() == start, late[0].cancelled())


asyncio.run(main())
