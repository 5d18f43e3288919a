# Each task runs in a copy of the context current when it was created:
# values set before and after creation, values a task sets across its own
# awaits, tokens reset in the right and the wrong task, callbacks and
# child tasks created inside a task, an explicit context=, and a context
# kept by a token or a copy outliving the step that made it.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")
other = contextvars.ContextVar("other")


async def reader(tag):
    print(tag, "sees", var.get())
    await asyncio.sleep(0)
    print(tag, "still sees", var.get())


async def writer(tag, value):
    print(tag, "before", var.get())
    token = var.set(value)
    await asyncio.sleep(0)
    print(tag, "after await", var.get())
    await asyncio.sleep(0.001)
    var.reset(token)
    print(tag, "after reset", var.get())
    return token


async def main():
    var.set("main-1")
    t1 = asyncio.create_task(reader("t1"))
    var.set("main-2")
    t2 = asyncio.create_task(reader("t2"))
    await asyncio.gather(t1, t2)

    w1 = asyncio.create_task(writer("w1", "one"))
    w2 = asyncio.create_task(writer("w2", "two"))
    await asyncio.sleep(0)
    print("main sees", var.get())
    tokens = await asyncio.gather(w1, w2)
    print("main after writers", var.get())

    # A token of another task's context.
    async def bad_reset(token):
        try:
            var.reset(token)
        except (ValueError, RuntimeError) as e:
            print(type(e).__name__, "reset elsewhere")
    await asyncio.create_task(bad_reset(tokens[0]))
    async def set_only():
        return var.set("left set")
    fresh = await asyncio.create_task(set_only())
    await asyncio.create_task(bad_reset(fresh))
    try:
        var.reset(fresh)
    except ValueError as e:
        print("ValueError in main too")

    # Set in one step, read in later steps and by what the task starts.
    async def parent():
        var.set("parent")
        other.set(1)
        loop = asyncio.get_running_loop()
        seen = loop.create_future()
        loop.call_soon(lambda: seen.set_result((var.get(), other.get())))
        print("callback saw", await seen)
        child = asyncio.create_task(reader("child"))
        var.set("parent-later")
        await child
        print("parent sees", var.get(), other.get())
        return contextvars.copy_context()
    ctx = await asyncio.create_task(parent())
    print("copied context", ctx[var], ctx[other], len(ctx))
    print("main unaffected", var.get(), other.get("no other"))

    # An explicit context: the task's sets land in it.
    mine = contextvars.copy_context()
    await asyncio.create_task(writer("explicit", "in-mine"), context=mine)
    async def setter():
        var.set("kept in mine")
    await asyncio.create_task(setter(), context=mine)
    print("mine has", mine[var], "main has", var.get())

    # A task whose token outlives its step keeps its context object.
    async def keeper():
        tok = var.set("kept")
        await asyncio.sleep(0)
        print("keeper", var.get(), tok.var is var)
        await asyncio.sleep(0)
        var.reset(tok)
        print("keeper reset", var.get())
    await asyncio.gather(*(keeper() for _ in range(3)))

    # Many tasks, each with its own value.
    async def own(i):
        var.set(i)
        await asyncio.sleep(0)
        return var.get()
    print(sum(await asyncio.gather(*(own(i) for i in range(500)))))
    print("done", var.get())


asyncio.run(main())
