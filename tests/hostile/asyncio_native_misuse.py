# Native asyncio methods called unbound, on the wrong receiver or with wrong
# arguments raise Python exceptions, never panic.
import asyncio, _asyncio
f = asyncio.Future(loop=asyncio.new_event_loop())
it = f.__await__()
IT = type(it)
calls = [
    lambda: asyncio.Future.__init__(),
    lambda: asyncio.Future.__init__(1),
    lambda: asyncio.Future(1),
    lambda: asyncio.Task.__init__(object()),
    lambda: asyncio.Task.__init__(f, 1),
    lambda: _asyncio.ReadyQueue().run(),
    lambda: _asyncio.ReadyQueue().run("x"),
    lambda: _asyncio.ReadyQueue.run(),
    lambda: _asyncio.ReadyQueue().popleft(),
    lambda: asyncio.Handle._run(1),
    lambda: asyncio.Handle(),
    lambda: _asyncio.call_soon(),
    lambda: _asyncio.call_soon(1),
    lambda: _asyncio.call_soon(1, 2),
    lambda: _asyncio.call_at(1),
    lambda: _asyncio.call_at(1, None, 2),
    lambda: _asyncio.call_at(f, 1, print),
    lambda: asyncio.Future.__await__(1),
    lambda: IT.send(),
    lambda: IT.throw(it),
    lambda: IT.__next__(1),
    lambda: IT.throw(it, 5),
    lambda: asyncio.TimerHandle.when(asyncio.Handle(print, (), None)),
    lambda: asyncio.TimerHandle(1, print, (), None).cancel(),
    lambda: _asyncio._enter_task(1),
    lambda: _asyncio._leave_task(1, 2),
    lambda: _asyncio._enter_task(1, 2) or _asyncio._enter_task(1, 3),
    lambda: _asyncio.current_task(1, 2),
    lambda: f.add_done_callback(),
    lambda: f.remove_done_callback(),
    lambda: f.set_exception(),
    lambda: asyncio.Task.cancel(f),
    lambda: asyncio.Handle(print, 5, f.get_loop())._run(),
]
for i, c in enumerate(calls):
    try:
        r = c()
        print(i, "ok", type(r).__name__)
    except BaseException as e:
        print(i, type(e).__name__)
