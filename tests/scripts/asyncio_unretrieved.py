# A task's exception that nobody retrieves is reported when the task is
# freed: through a custom exception handler first, then by the default
# handler on stderr for the SystemExit that ends the program.
import asyncio


async def fail(n):
    raise KeyError(n)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    t = asyncio.create_task(fail(1))
    await asyncio.sleep(0.01)
    print("dropping")
    del t
    print("dropped")
    t = asyncio.create_task(fail(2))
    await asyncio.sleep(0.01)
    print("retrieved:", repr(t.exception()))
    del t
    f = loop.create_future()
    f.set_exception(ValueError("future"))
    f = None
    print("replaced")
    t = asyncio.create_task(fail(3))
    await asyncio.sleep(0)
    t.cancel()
    del t
    await asyncio.gather(*[fail(4)], return_exceptions=True)
    print("handler done")
    loop.set_exception_handler(None)

    async def leave():
        raise SystemExit(7)
    asyncio.create_task(leave())
    await asyncio.sleep(0.01)
    print("not reached")

asyncio.run(main())
