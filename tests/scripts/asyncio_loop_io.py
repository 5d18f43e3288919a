# The event loop's descriptor watching: add_reader/add_writer and their
# removal, the order of I/O callbacks against call_soon and timers, and the
# sock_* coroutines on non-blocking sockets.
import asyncio
import socket
import threading


async def readers_and_writers():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    got = []
    done = loop.create_future()

    def on_readable(sock, tag):
        data = sock.recv(100)
        got.append((tag, data))
        if data == b"stop":
            loop.remove_reader(sock)
            done.set_result(None)

    loop.add_reader(b.fileno(), on_readable, b, "first")
    # Adding again replaces the callback.
    loop.add_reader(b, on_readable, b, "second")
    a.send(b"one")
    await asyncio.sleep(0.01)
    a.send(b"stop")
    await done
    print(got)
    print("remove again:", loop.remove_reader(b), loop.remove_writer(b))

    writable = loop.create_future()
    loop.add_writer(a, lambda: writable.set_result("writable") if not writable.done() else None)
    print(await writable, loop.remove_writer(a))
    for bad in [-1, "x", object()]:
        try:
            loop.add_reader(bad, print)
        except ValueError as e:
            print("ValueError:", str(e).split(":")[0])
    a.close()
    b.close()


async def ordering():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    a.send(b"ready")
    events = []
    await asyncio.sleep(0.01)       # the data is there before the callbacks exist
    loop.call_soon(events.append, "soon 1")
    loop.add_reader(b, lambda: (events.append("reader"), loop.remove_reader(b), b.recv(10)))
    loop.call_later(0, events.append, "timer")
    loop.call_soon(events.append, "soon 2")
    await asyncio.sleep(0.01)
    print(events)
    a.close()
    b.close()


async def sock_methods():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    address = listener.getsockname()

    async def server():
        conn, peer = await loop.sock_accept(listener)
        print("accepted:", conn.getblocking(), peer == client.getsockname())
        data = b""
        while len(data) < 300_000:
            chunk = await loop.sock_recv(conn, 65536)
            if not chunk:
                break
            data += chunk
        await loop.sock_sendall(conn, b"received %d" % len(data))
        conn.close()

    client = socket.socket()
    client.setblocking(False)
    serving = asyncio.create_task(server())
    await loop.sock_connect(client, address)
    await loop.sock_sendall(client, b"y" * 300_000)
    print(await loop.sock_recv(client, 100))
    print("eof:", await loop.sock_recv(client, 100))
    await serving
    client.close()

    # A receive cancelled while it waits, then one that times out.
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    task = asyncio.create_task(loop.sock_recv(b, 10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("sock_recv cancelled")
    try:
        await asyncio.wait_for(loop.sock_recv(b, 10), 0.02)
    except asyncio.TimeoutError:
        print("sock_recv timed out")
    a.send(b"late")
    print(await loop.sock_recv(b, 10))
    a.close()
    b.close()
    listener.close()

    refused = socket.socket()
    refused.setblocking(False)
    try:
        await loop.sock_connect(refused, address)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError:", e.errno)
    refused.close()


async def thread_wakes_loop():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    threading.Timer(0.02, loop.call_soon_threadsafe, (fut.set_result, "from thread")).start()
    print(await fut)
    print(await asyncio.to_thread(sum, [1, 2, 3]))


async def main():
    await readers_and_writers()
    await ordering()
    await sock_methods()
    await thread_wakes_loop()


asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
print("closed:", loop.is_closed(), loop.remove_reader(0))
