# Future and Task edge cases that the native _asyncio types implement:
# states and messages, callback order and contexts, cancel with a message,
# subclassing, task names, current_task inside callbacks, bad yields.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")


def show(label, f):
    try:
        print(label, "result", f.result())
    except asyncio.CancelledError as e:
        print(label, "cancelled", e.args)
    except asyncio.InvalidStateError as e:
        print(label, "InvalidStateError", e)
    except Exception as e:
        print(label, "raised", type(e).__name__, e)


async def states():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled(), f.get_loop() is loop, f._state)
    show("pending", f)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("exception():", e)
    f.set_result(41)
    print(f.done(), f._state, f.result(), f.exception())
    for call in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("again:", e)
    print(f.cancel(), f.cancelled())
    g = loop.create_future()
    g.set_exception(KeyError)
    print(type(g.exception()).__name__)
    show("exc", g)
    for bad in (StopIteration(), 5, int):
        try:
            loop.create_future().set_exception(bad)
        except TypeError as e:
            print("TypeError:", e)
    h = loop.create_future()
    print(h.cancel("why"), h.cancel("again"), h.cancelled(), h._state)
    show("cancelled", h)
    try:
        h.exception()
    except asyncio.CancelledError as e:
        print("exception() cancelled", e.args)
    print(asyncio.isfuture(h), asyncio.isfuture(object()))


async def callbacks():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    order = []
    def cb(name):
        def run(fut):
            order.append((name, fut is f, var.get()))
        run.__qualname__ = name
        return run
    a, b, c = cb("a"), cb("b"), cb("c")
    f.add_done_callback(a)
    f.add_done_callback(b)
    f.add_done_callback(a)
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    print(repr(f)[:16])
    f.add_done_callback(c, context=ctx)
    print("removed", f.remove_done_callback(a), f.remove_done_callback(a))
    f.set_result(None)
    print("scheduled, not run:", order)
    await asyncio.sleep(0)
    print(order)
    f.add_done_callback(cb("late"))
    await asyncio.sleep(0)
    print(order[-1])


async def child(delay, value):
    await asyncio.sleep(delay)
    return value


async def cancelling():
    t = asyncio.create_task(child(1, "never"), name="sleeper")
    await asyncio.sleep(0)
    print(t.cancel("stop it"), t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaited cancelled task:", e.args)
    print(t.cancelled(), t.done(), t.cancel(), t.uncancel(), t.uncancel(), t.uncancel())
    # cancel before the first step
    t2 = asyncio.create_task(child(0, "x"))
    t2.cancel("early")
    await asyncio.sleep(0)
    show("t2", t2)
    # a task that catches its cancellation and returns
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "caught"
    t3 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t3.cancel()
    print(await t3, t3.cancelled())
    try:
        t3.set_result(1)
    except RuntimeError as e:
        print(e)
    try:
        t3.set_exception(ValueError())
    except RuntimeError as e:
        print(e)


class MyFuture(asyncio.Future):
    def set_result(self, value):
        print("MyFuture.set_result", value)
        super().set_result(value * 2)


class MyTask(asyncio.Task):
    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(coro, loop=loop, name=name)
        self.extra = "extra attr"

    def cancel(self, msg=None):
        print("MyTask.cancel", msg)
        return super().cancel(msg)


async def subclasses():
    loop = asyncio.get_running_loop()
    f = MyFuture(loop=loop)
    loop.call_soon(f.set_result, 21)
    print("awaited subclass:", await f, type(f).__name__, isinstance(f, asyncio.Future))
    f.tag = "tagged"
    print(f.tag)
    t = MyTask(child(0, "from MyTask"), loop=loop, name="mine")
    print(t.get_name(), t.extra, isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    print(await t)
    t = MyTask(child(1, None), loop=loop)
    await asyncio.sleep(0)
    t.cancel("sub")
    try:
        await t
    except asyncio.CancelledError as e:
        print("MyTask cancelled", e.args)
    loop.set_task_factory(lambda loop, coro, **kw: MyTask(coro, loop=loop, **kw))
    t = asyncio.create_task(child(0, "factory"), name="made")
    print(type(t).__name__, t.get_name(), await t)
    loop.set_task_factory(None)


async def names():
    t = asyncio.create_task(child(0, 1))
    print(t.get_name().startswith("Task-"))
    t.set_name(42)
    print(repr(t.get_name()))
    u = asyncio.create_task(child(0, 1), name=("a", 1))
    print(u.get_name())
    await asyncio.gather(t, u)
    print(t.get_coro().__qualname__)


async def current():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("main task:", me.get_name() == "main-task", me in asyncio.all_tasks())
    seen = []
    loop.call_soon(lambda: seen.append(asyncio.current_task()))
    f = loop.create_future()
    f.add_done_callback(lambda fut: seen.append(asyncio.current_task(loop)))
    f.set_result(None)
    await asyncio.sleep(0)
    print("in callbacks:", seen)
    t = asyncio.create_task(child(0, None))
    print(len(asyncio.all_tasks()), t in asyncio.all_tasks())
    await t
    print(t in asyncio.all_tasks())
    try:
        asyncio.current_task()
    except RuntimeError as e:
        print(e)


async def bad_yields():
    class Bad:
        def __await__(self):
            yield "not a future"
    try:
        await Bad()
    except RuntimeError as e:
        print(e)
    loop = asyncio.get_running_loop()
    class NoBlock:
        def __await__(self):
            f = loop.create_future()
            f.set_result(None)
            yield f
    try:
        await NoBlock()
    except RuntimeError as e:
        print(str(e).split(" in task ")[0])
    async def self_await():
        await asyncio.sleep(0)
        await me
    me = asyncio.create_task(self_await())
    try:
        await me
    except RuntimeError as e:
        print(str(e).split(":")[0])
    f = loop.create_future()
    it = f.__await__()
    print(next(it) is f)
    try:
        next(it)
    except RuntimeError as e:
        print(e)
    f.set_result("done")
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)


async def exceptions():
    async def boom():
        raise ValueError("boom")
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(t.done(), type(t.exception()).__name__, t.exception())
    try:
        await t
    except ValueError as e:
        print("awaited:", e)
    t = asyncio.create_task(asyncio.sleep(0))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print(e)
    await t
    print(t.result())


async def handles():
    loop = asyncio.get_running_loop()
    calls = []
    h = loop.call_soon(calls.append, "soon")
    t = loop.call_later(0.01, calls.append, "later")
    t2 = loop.call_at(loop.time() + 0.005, calls.append, "at")
    dropped = loop.call_later(0.001, calls.append, "dropped")
    print(type(h).__name__, type(t).__name__, isinstance(t, asyncio.Handle), h.cancelled())
    print(t.when() > loop.time(), repr(h) == "<Handle list.append('soon')>" or repr(h))
    dropped.cancel()
    print(dropped.cancelled(), repr(dropped).endswith("cancelled>"), dropped._callback)
    await asyncio.sleep(0.02)
    print(calls)
    def bad():
        raise ZeroDivisionError("in callback")
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"].split("()")[0], type(ctx["exception"]).__name__)))
    loop.call_soon(bad)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print(seen)
    try:
        loop.call_at(None, print)
    except TypeError as e:
        print(e)


def unbound():
    for call in (lambda: asyncio.Future.done(), lambda: asyncio.Future.done(1),
                 lambda: asyncio.Task.get_name(asyncio.Future()),
                 lambda: asyncio.Task(42)):
        try:
            call()
        except TypeError as e:
            print("TypeError")


async def main():
    for part in (states, callbacks, cancelling, subclasses, names, current, bad_yields, exceptions, handles):
        print("--", part.__name__)
        await part()


loop = asyncio.new_event_loop()
main_task = loop.create_task(main(), name="main-task")
loop.run_until_complete(main_task)
loop.close()
print("--", "unbound")
unbound()
