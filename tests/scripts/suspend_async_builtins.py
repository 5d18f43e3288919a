# Async generator expressions and anext() with a default, driven by hand.
async def agen(n):
    for i in range(n):
        yield i

async def main():
    gen = (x + 100 async for x in agen(3))
    print(type(gen).__name__, [v async for v in gen])
    squares = (x * x for x in range(3))
    print(type(squares).__name__)
    awaited = (await echo(x) async for x in agen(2))
    print([v async for v in awaited])
    print(await anext(agen(0), "default"))
    it = agen(2)
    print(await anext(it), await anext(it), await anext(it, "done"))
    try:
        await anext(agen(0))
    except StopAsyncIteration:
        print("StopAsyncIteration")
    try:
        anext(1)
    except TypeError as e:
        print("TypeError:", e)
    return "ok"

async def echo(x):
    return ("echo", x)

try:
    main().send(None)
except StopIteration as e:
    print(e.value)
