# Done callbacks: _callbacks is None or a list of (fn, context) pairs,
# one callback or several; removal, order, and the read-only attribute.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f._callbacks)
    def a(x): print("a", x.result())
    def b(x): print("b")
    f.add_done_callback(a)
    print(f._callbacks == [(a, f._callbacks[0][1])], len(f._callbacks), type(f._callbacks).__name__)
    print(f.remove_done_callback(b), f.remove_done_callback(a), f._callbacks)
    f.add_done_callback(a); f.add_done_callback(b); f.add_done_callback(a)
    print(len(f._callbacks), repr(f).count("main.<locals>.a()"), repr(f).count("<1 more>"))
    print(f.remove_done_callback(a), len(f._callbacks))
    f.set_result(3)
    await asyncio.sleep(0)
    g = loop.create_future(); g.add_done_callback(a); g.add_done_callback(b)
    g.set_result(4); await asyncio.sleep(0)
    try: f._callbacks = []
    except AttributeError as e: print("AttributeError")
    t = asyncio.ensure_future(asyncio.sleep(0))
    print(repr(t).split(" cb=")[0][:25], "cb=" in repr(t))
    await t
asyncio.run(main())
