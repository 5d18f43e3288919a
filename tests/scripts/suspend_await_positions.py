# await (and yield) wherever CPython allows them, evaluated left to right.
log = []

class V:
    """An awaitable that logs when it is awaited and returns its value."""
    def __init__(self, v):
        self.v = v
    def __await__(self):
        log.append(f"await {self.v!r}")
        yield f"suspend {self.v!r}"
        return self.v

def note(x):
    log.append(f"eval {x!r}")
    return x

def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as s:
            return s.value, steps

class Box:
    def __init__(self):
        self.items = [0, 1, 2, 3, 4]
        self.attr = 10
    def method(self, *a, **k):
        return ("method", a, sorted(k.items()))

def deco(tag):
    def wrap(f):
        f.tag = tag
        return f
    return wrap

async def positions():
    out = []
    b = Box()
    out.append(b.items[await V(1):await V(4)])
    out.append(b.items[::await V(2)])
    del b.items[await V(0)]
    out.append(b.items)
    b.items[await V(1)] = await V("x")
    out.append(b.items)
    b.attr += await V(5)
    out.append(b.attr)
    out.append(note("a") + await V("b") + note("c"))
    out.append(b.method(note(1), await V(2), *[await V(3)], k=await V(4), **{"z": await V(5)}))
    out.append([note(1), *(await V([2, 3])), await V(4)])
    out.append({note("k"): await V("v"), **(await V({"m": 1}))})
    out.append(f"{await V('f')}-{note('g')!r:>5}")
    out.append(await V(0) or await V("second"))
    out.append(await V(1) and await V("third"))
    out.append(note(1) < await V(2) < note(3))
    out.append("yes" if await V(True) else "no")
    out.append((lambda x=None: x)(await V("lam")))

    @deco(await V("decorated"))
    def f(x=await V("default")):
        return x
    out.append((f.tag, f()))

    class C(await V(Box)):
        pass
    out.append(C.__bases__[0].__name__)

    x = [i async for i in agen()] if False else [await V(i) for i in range(2)]
    out.append(x)
    out.append({await V(k): await V(k * 2) for k in range(2)})
    out.append({await V(k) for k in (1, 1, 2)})
    with_val = None
    match await V({"kind": "point", "x": 1}):
        case {"kind": "point", "x": xv} if await V(xv > 0):
            with_val = ("point", xv)
        case _:
            with_val = "other"
    out.append(with_val)
    while await V(False):
        pass
    else:
        out.append("while-else")
    for i in await V([1, 2]):
        if await V(i == 2):
            out.append(f"loop {i}")
    assert await V(True), await V("not evaluated")
    try:
        assert await V(False), await V("message")
    except AssertionError as e:
        out.append(f"assert: {e}")
    try:
        raise await V(ValueError("raised"))
    except ValueError as e:
        out.append(repr(e))
    out.append((y := await V("walrus"), y))
    return out

async def agen():
    yield 1

result, steps = run(positions())
for r in result:
    print(r)
print("steps", steps)
print("\n".join(log))

def gen_positions():
    x = yield
    y = [(yield 1), (yield 2)]
    z = {(yield "k"): (yield "v")}
    print("gen got", x, y, z)
    return (yield from range(0))

g = gen_positions()
next(g)
print([g.send(v) for v in ("x", "a", "b", "key")])
try:
    g.send("value")
except StopIteration as s:
    print("returned", s.value)
