# asyncio streams over loopback: an echo server and its clients, the
# reader's methods and errors, cancellation and timeouts of blocked reads.
import asyncio


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def echo_round_trips(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("connected to server:", writer.get_extra_info("peername")[1] == port)
    print("sockname host:", writer.get_extra_info("sockname")[0])
    print("missing extra:", writer.get_extra_info("nope", "default"))
    for word in [b"hello\n", b"world\n"]:
        writer.write(word)
        await writer.drain()
        print("echo:", await reader.readline())
    writer.writelines([b"one ", b"two\n"])
    print("writelines:", await reader.readline())
    writer.write(b"tail without newline")
    print("can_write_eof:", writer.can_write_eof())
    writer.write_eof()
    print("rest:", await reader.read())
    print("at_eof:", reader.at_eof())
    print("read after eof:", await reader.read(), await reader.readline())
    writer.close()
    print("closing:", writer.is_closing())
    await writer.wait_closed()


async def many_clients(port):
    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"client {i}\n".encode())
        line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return line

    print("gathered:", await asyncio.gather(*(client(i) for i in range(5))))


async def reader_methods():
    received = asyncio.Queue()

    async def talker(reader, writer):
        writer.write(b"exact12345|until;;rest")
        await writer.drain()
        await received.get()
        writer.close()

    server = await asyncio.start_server(talker, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print("readexactly:", await reader.readexactly(5))
        print("read(5):", await reader.read(5))
        print("readuntil:", await reader.readuntil(b"|"))
        print("readuntil multi-byte:", await reader.readuntil(b";;"))
        await received.put(None)
        try:
            await reader.readexactly(10)
        except asyncio.IncompleteReadError as e:
            print("IncompleteReadError:", e, e.partial, e.expected)
        try:
            await reader.readuntil(b"")
        except ValueError as e:
            print("ValueError:", e)
        try:
            await reader.readexactly(-1)
        except ValueError as e:
            print("ValueError:", e)
        writer.close()
        await writer.wait_closed()


async def limits():
    async def long_line(reader, writer):
        writer.write(b"x" * 50 + b"\nshort\n" + b"y" * 50)
        writer.close()

    server = await asyncio.start_server(long_line, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=20)
        try:
            await reader.readline()
        except ValueError as e:
            print("readline over limit:", e)
        print("after overrun:", await reader.readline())
        try:
            await reader.readuntil(b"\n")
        except asyncio.LimitOverrunError as e:
            print("LimitOverrunError:", e, e.consumed > 20)
        except asyncio.IncompleteReadError as e:
            print("IncompleteReadError:", len(e.partial))
        writer.close()
        await writer.wait_closed()


async def cancel_and_timeout():
    silent = asyncio.Event()

    async def quiet(reader, writer):
        await silent.wait()
        writer.write(b"finally\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(quiet, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        task = asyncio.create_task(reader.readline())
        await asyncio.sleep(0.01)
        print("blocked read done:", task.done())
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("blocked read cancelled:", task.cancelled())
        try:
            await asyncio.wait_for(reader.readline(), timeout=0.05)
        except asyncio.TimeoutError:
            print("read timed out")
        try:
            async with asyncio.timeout(0.05):
                await reader.read(100)
        except TimeoutError:
            print("read timed out again")
        silent.set()
        print("after timeouts:", await reader.readline())
        writer.close()
        await writer.wait_closed()


async def two_readers():
    async def idle(reader, writer):
        await reader.read()
        writer.close()

    server = await asyncio.start_server(idle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        first = asyncio.create_task(reader.read(10))
        await asyncio.sleep(0)
        try:
            await reader.read(10)
        except RuntimeError as e:
            print("RuntimeError:", e)
        first.cancel()
        writer.close()
        await writer.wait_closed()


async def lines_iteration():
    async def three_lines(reader, writer):
        writer.write(b"a\nb\nc")
        writer.close()

    server = await asyncio.start_server(three_lines, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print("lines:", [line async for line in reader])
        writer.close()
        await writer.wait_closed()


async def serve_forever_cancelled():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serving:", server.is_serving())
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print("RuntimeError:", str(e).startswith("server <Server sockets=") and "already being awaited" in str(e))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving(), "sockets:", server.sockets)


async def refused():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused:", e.errno, str(e) == f"[Errno 111] Connect call failed ('127.0.0.1', {port})")


async def big_transfer():
    async def sink(reader, writer):
        data = await reader.read()
        writer.write(str(len(data)).encode())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(sink, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(20):
            writer.write(b"z" * 100_000)
            await writer.drain()
        writer.write_eof()
        print("server received:", await reader.read())
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("server:", type(server).__name__, host, server.is_serving(), len(server.sockets))
    async with server:
        await echo_round_trips(port)
        await many_clients(port)
    print("after async with:", server.is_serving(), server.sockets)
    await reader_methods()
    await limits()
    await cancel_and_timeout()
    await two_readers()
    await lines_iteration()
    await serve_forever_cancelled()
    await refused()
    await big_transfer()


asyncio.run(main())
