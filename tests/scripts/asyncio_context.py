# contextvars: each task runs in a copy of the context current when it was
# created; callbacks run in the context they were scheduled from.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")
depth = contextvars.ContextVar("depth")


async def handler(name):
    request.set(name)
    await asyncio.sleep(0)
    inner = await asyncio.create_task(read_back())
    return name, request.get(), inner


async def read_back():
    await asyncio.sleep(0)
    return request.get()


async def main():
    print(request.get(), depth.get("no depth"))
    try:
        depth.get()
    except LookupError:
        print("LookupError")
    token = request.set("main")
    print(await asyncio.gather(handler("a"), handler("b")))
    print(request.get())
    request.reset(token)
    print(request.get())
    try:
        request.reset(token)
    except RuntimeError:
        print("RuntimeError: token used")

    loop = asyncio.get_running_loop()
    seen = []
    request.set("at call_soon")
    loop.call_soon(lambda: seen.append(request.get()))
    request.set("later")
    await asyncio.sleep(0)
    ctx = contextvars.copy_context()
    ctx.run(request.set, "inside ctx")
    loop.call_soon(lambda: seen.append(request.get()), context=ctx)
    await asyncio.sleep(0)
    print(seen, request.get(), ctx[request], request in ctx, len(ctx) >= 1)

    t = asyncio.create_task(read_back(), context=ctx)
    print(await t)


asyncio.run(main())
