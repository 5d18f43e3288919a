# select.poll: register, modify, unregister, poll with a timeout in ms.
import os
import select
import socket

p = select.poll()
print(type(p))
a, b = socket.socketpair()
p.register(a)
p.register(b.fileno(), select.POLLOUT)
fa, fb = a.fileno(), b.fileno()
name = {fa: "a", fb: "b"}
show = lambda events: sorted((name.get(fd, "pipe"), ev) for fd, ev in events)
print(show(p.poll(0)))
b.send(b"x")
print(show(p.poll(10)))
p.modify(a, select.POLLOUT)
print(show(p.poll()))
try:
    p.modify(99, 1)
except OSError as e:
    print(type(e).__name__, e)
p.unregister(a)
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args[0] == fa)
for bad in [-1, "x"]:
    try:
        p.register(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p.poll("x")
except TypeError as e:
    print(type(e).__name__, e)
print(show(p.poll(-1.5)), show(p.poll(None)))
r, w = os.pipe()
p.register(r)
os.close(w)
print(show(p.poll(0)))
os.close(r)
a.close()
b.close()
