# select.select and selectors over socket pairs and pipes.
import os
import select
import selectors
import socket

a, b = socket.socketpair()
print(select.select([b], [], [], 0))
a.send(b"x")
r, w, x = select.select([b, a.fileno()], [a], [], 1.0)
print(r == [b], w == [a], x)
print(select.select([], [], [], 0.01))
for bad in [[-1], ["x"], [1.5]]:
    try:
        select.select(bad, [], [], 0)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ["a", -1]:
    try:
        select.select([], [], [], bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    select.select(1, [], [])
except TypeError as e:
    print(type(e).__name__, e)
print(select.error is OSError)

sel = selectors.DefaultSelector()
print(type(sel).__name__, selectors.EVENT_READ, selectors.EVENT_WRITE)
key = sel.register(b, selectors.EVENT_READ, "data")
print(key.fd == b.fileno(), key.events, key.data, key.fileobj is b)
try:
    sel.register(b, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError: already registered" if "is already registered" in str(e) else e)
try:
    sel.register(a, 0)
except ValueError as e:
    print(type(e).__name__, e)
events = sel.select(0)
print([(k.data, mask) for k, mask in events])
print(b.recv(10))
print(sel.select(0))
sel.modify(b, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
print([(k.data, mask) for k, mask in sel.select(0)])
print(len(sel.get_map()), sel.get_key(b).data, b.fileno() in sel.get_map())
print(sel.unregister(b).data)
try:
    sel.unregister(b)
except KeyError:
    print("KeyError: not registered")
r, w = os.pipe()
sel.register(r, selectors.EVENT_READ, "pipe")
os.write(w, b"ping")
print([(k.data, k.fd == r, mask) for k, mask in sel.select(1)])
sel.close()
print(sel.get_map())
os.close(r)
os.close(w)
a.close()
b.close()

with selectors.DefaultSelector() as sel:
    unconnected = socket.socket()
    sel.register(unconnected, selectors.EVENT_WRITE)
    print(len(sel.select(0)))
unconnected.close()
