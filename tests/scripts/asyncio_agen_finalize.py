# Differential checks of asyncio against CPython 3.11: abandoned async generators are finalized when freed.
# Each part was a separate program; they run one after the other, and
# print() masks what changes between runs (addresses, this directory,
# loop times).
import builtins
import os
import re

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def print(*args, sep=" ", end="\n", **kw):
    text = sep.join(str(a) for a in args).replace(_HERE, "")
    text = re.sub(r"0x[0-9a-f]+", "0x..", text)
    text = re.sub(r"when=[0-9.]+", "when=T", text)
    builtins.print(text, end=end, **kw)


# ---- agen_final
print("---- agen_final")
import asyncio

async def ticker(name):
    try:
        i = 0
        while True:
            yield i
            i += 1
            await asyncio.sleep(0)
    finally:
        print("ticker finally", name)

async def main():
    async for x in ticker("a"):
        if x == 2:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep")
    t = ticker("b")
    await t.__anext__()
    del t
    print("after del")
    await asyncio.sleep(0)
    t = ticker("c")
    await t.__anext__()
    print("main end")
    global keep
    keep = t

asyncio.run(main())
print("after run")

# ---- ag2
print("---- ag2")
import asyncio
async def ticker(name, sus):
    try:
        i = 0
        while True:
            yield i
            i += 1
            if sus: await asyncio.sleep(0)
    finally:
        print("ticker finally", name)

async def main():
    async for x in ticker("nosuspend", False):
        if x == 2:
            break
    print("after break")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after sleeps")
    g = ticker("manual", False)
    await g.__anext__()
    del g
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after manual")
    g = ticker("manual-sus", True)
    await g.__anext__()
    await g.__anext__()
    del g
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after manual-sus")
asyncio.run(main())
