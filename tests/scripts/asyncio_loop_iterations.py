# The loop's iterations: what runs in one, when stop() takes effect, and
# when a timer or a watched descriptor joins iterations that only ran
# ready handles (those run natively, src/aio/ready.rs).
import asyncio
import socket

log = []


def chain(loop, name, n):
    log.append(f"{name}{n}")
    if n:
        loop.call_soon(chain, loop, name, n - 1)


def stop_at(loop, name):
    log.append(name)
    loop.stop()


loop = asyncio.new_event_loop()
loop.call_soon(chain, loop, "a", 3)
loop.call_soon(chain, loop, "b", 1)
loop.call_soon(loop.call_soon, stop_at, loop, "stop")
loop.run_forever()
print(log)
log.clear()
# What was scheduled after the stop runs in the next run_forever.
loop.call_soon(chain, loop, "c", 0)
loop.call_soon(loop.stop)
loop.run_forever()
print(log)
log.clear()
# A timer arriving while ready handles chain.
loop.call_soon(chain, loop, "d", 4)
loop.call_later(0, chain, loop, "timer", 0)
loop.call_later(0.01, stop_at, loop, "late stop")
loop.run_forever()
print(log)
log.clear()
# A watched descriptor: its readiness is noticed between iterations.
r, w = socket.socketpair()
loop.add_reader(r, lambda: (log.append("readable " + r.recv(10).decode()), loop.remove_reader(r), loop.stop()))
loop.call_soon(chain, loop, "e", 2)
loop.call_soon(w.send, b"x")
loop.run_forever()
print(log)
r.close()
w.close()
loop.close()


async def main():
    order = []
    async def spin(name, n):
        for i in range(n):
            order.append(f"{name}{i}")
            await asyncio.sleep(0)
    async def late():
        await asyncio.sleep(0.005)
        order.append("late")
    await asyncio.gather(spin("x", 3), late(), spin("y", 2))
    print(order)

asyncio.run(main())


# Many timers cancelled while handles chain: the heap is compacted and the
# live timers still ring in deadline order.
loop = asyncio.new_event_loop()
log = []
handles = [loop.call_later(0.001 * (i % 7), log.append, f"t{i}") for i in range(300)]
for h in handles[::2]:
    h.cancel()
loop.call_soon(chain, loop, "f", 50)
loop.call_later(0.05, loop.stop)
loop.run_forever()
rung = [x for x in log if x.startswith("t")]
print(len(rung), rung[:6], len([x for x in log if x.startswith("f")]))
loop.close()
