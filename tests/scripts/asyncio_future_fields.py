# The fields a future shows as attributes through its life: _state,
# _result, _exception, _cancel_message, and which of them are read-only.
import asyncio


def fields(f):
    return (f._state, f._result, repr(f._exception), f._cancel_message)


async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    print(fields(a), a.done())
    a.set_result(ValueError("a result, not an exception"))
    print(fields(a), a.done(), repr(a.result()), a.exception())
    b = loop.create_future()
    b.set_exception(KeyError("k"))
    print(fields(b), repr(b.exception()))
    try:
        b.result()
    except KeyError as e:
        print("raised", repr(e))
    c = loop.create_future()
    print(c.cancel("why"), fields(c), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    d = loop.create_future()
    d.set_result(None)
    print(fields(d))
    for name in ("_state", "_result", "_exception"):
        try:
            setattr(d, name, 1)
        except AttributeError:
            print(name, "is read-only")
    d._cancel_message = "set"
    print(d._cancel_message)

    async def work():
        await asyncio.sleep(0)
        return 5

    t = asyncio.create_task(work())
    print(t._state, t._result)
    await t
    print(t._state, t._result, t._exception)

    async def stuck():
        await asyncio.sleep(10)

    u = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    u.cancel("stop")
    print(u._state, u._cancel_message)
    try:
        await u
    except asyncio.CancelledError as e:
        print("task cancelled", e.args, u._state, u.cancelled())

    async def survivor():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "kept going"

    v = asyncio.create_task(survivor())
    await asyncio.sleep(0)
    v.cancel()
    print(await v, v._state, v.cancelled(), v.cancelling())
    e = loop.create_future()
    e.set_exception(RuntimeError("boom"))
    e.exception()
    print(e._state, type(e._exception).__name__, e._result)
    for _ in range(3):
        w = asyncio.create_task(stuck())
        await asyncio.sleep(0)
        w.cancel()
        w.cancel()
        print(w.cancelling(), end=" ")
        try:
            await w
        except asyncio.CancelledError:
            print(w._state)


asyncio.run(main())
