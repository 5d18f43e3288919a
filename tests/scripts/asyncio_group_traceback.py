# An exception group escaping asyncio.run() is printed in CPython's boxed
# layout; its last line closes the box of the last sub-exception.
import asyncio

async def bad(n):
    await asyncio.sleep(0)
    raise ValueError(f"bad {n}")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            tg.create_task(bad(2))
    except* ValueError as eg:
        print("got", sorted(str(e) for e in eg.exceptions))
        raise

asyncio.run(main())
