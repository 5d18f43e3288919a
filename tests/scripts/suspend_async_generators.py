# The async generator protocol, driven by hand (no event loop).
import sys

class Tick:
    """An awaitable that yields its label once to whoever drives the task."""
    def __init__(self, label):
        self.label = label
    def __await__(self):
        sent = yield self.label
        return sent

def drive(coro, sends=()):
    """Runs a coroutine to completion, printing what it yields up."""
    sends = list(sends)
    value = None
    while True:
        try:
            out = coro.send(value)
        except StopIteration as stop:
            return stop.value
        print("  yielded up:", out)
        value = sends.pop(0) if sends else None

async def agen(n):
    try:
        for i in range(n):
            got = await Tick(f"tick{i}")
            received = yield i * 10
            print("  agen got", got, received)
    finally:
        print("  agen finally")

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

print("async for:", drive(consume()))

async def comprehension():
    return [x async for x in agen(2) if x >= 0]

print("async comprehension:", drive(comprehension()))

async def manual():
    g = agen(5)
    print(type(g).__name__, g.__aiter__() is g)
    first = await g.__anext__()
    second = await g.asend("sent")
    print("values", first, second)
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow propagated:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after athrow")
    g2 = agen(5)
    await g2.__anext__()
    print("aclose ->", await g2.aclose())
    print("aclose again ->", await g2.aclose())
    return "done"

print(drive(manual()))

async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def bad_close():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

drive(bad_close())

async def raises_stop():
    yield 1
    raise StopAsyncIteration

async def pep479():
    g = raises_stop()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)

drive(pep479())

async def reuse():
    g = agen(2)
    aw = g.__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)

drive(reuse())

# Hooks: the first iteration calls firstiter, the finalizer is kept.
seen = []
def firstiter(g):
    seen.append(("firstiter", g.__name__))
def finalizer(g):
    seen.append(("finalizer", g.__name__))
    g.aclose().send(None) if False else None

old = sys.get_asyncgen_hooks()
print(old.firstiter, old.finalizer)
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
async def hooked():
    g = agen(3)
    await g.__anext__()
    return g
drive(hooked())
print(seen)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError:", e)

async def attrs():
    g = agen(1)
    print(g.ag_running, g.ag_await, g.__name__, g.__qualname__)
    await g.__anext__()
    print(g.ag_running)
drive(attrs())
