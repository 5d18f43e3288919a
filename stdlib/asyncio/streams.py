"""asyncio streams: StreamReader and StreamWriter over a Channel
(channels.py), open_connection() and start_server()."""

import _socket

from . import events, exceptions, waiting
from .channels import socket_channel
from .coroutines import iscoroutine

__all__ = ("StreamReader", "StreamWriter", "Server", "open_connection", "start_server",
           "open_unix_connection", "start_unix_server")

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:
    """Bytes that arrived and not yet read, and the coroutines that wait
    for more. One coroutine at a time may wait."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError("Limit cannot be <= 0")
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._channel = None

    def __repr__(self):
        words = ["StreamReader"]
        if self._buffer:
            words.append(f"{len(self._buffer)} bytes")
        if self._eof:
            words.append("eof")
        if self._limit != _DEFAULT_LIMIT:
            words.append(f"limit={self._limit}")
        if self._waiter:
            words.append(f"waiter={self._waiter!r}")
        if self._exception:
            words.append(f"exception={self._exception!r}")
        if self._channel:
            words.append(f"transport={self._channel!r}")
        return "<" + " ".join(words) + ">"

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wake(exc)

    def _wake(self, exc=None):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    def feed_eof(self):
        self._eof = True
        self._wake()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, "feed_data after feed_eof"
        if not data:
            return
        self._buffer += data
        self._wake()

    def _consumed(self):
        if self._channel is not None and len(self._buffer) <= self._limit:
            self._channel.resume_reading()

    async def _wait_for_data(self, method):
        if self._waiter is not None:
            raise RuntimeError(f"{method}() called while another coroutine is already waiting for incoming data")
        assert not self._eof, "_wait_for_data after EOF"
        # Reading may have paused on a full buffer the caller cannot use.
        if self._channel is not None:
            self._channel.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b"\n"
        try:
            return await self.readuntil(sep)
        except exceptions.IncompleteReadError as exc:
            return exc.partial
        except exceptions.LimitOverrunError as exc:
            if self._buffer.startswith(sep, exc.consumed):
                del self._buffer[:exc.consumed + len(sep)]
            else:
                self._buffer.clear()
            self._consumed()
            raise ValueError(exc.args[0])

    async def readuntil(self, separator=b"\n"):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError("Separator should be at least one-byte string")
        if self._exception is not None:
            raise self._exception
        start = 0
        while True:
            found = self._buffer.find(separator, start)
            if found != -1:
                break
            # The next search starts where a separator could still begin.
            start = max(0, len(self._buffer) + 1 - seplen)
            if start > self._limit:
                raise exceptions.LimitOverrunError(
                    "Separator is not found, and chunk exceed the limit", start)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data("readuntil")
        if found > self._limit:
            raise exceptions.LimitOverrunError("Separator is found, but chunk is longer than limit", found)
        chunk = bytes(self._buffer[:found + seplen])
        del self._buffer[:found + seplen]
        self._consumed()
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    return b"".join(blocks)
                blocks.append(block)
        if not self._buffer and not self._eof:
            await self._wait_for_data("read")
        chunk = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._consumed()
        return chunk

    async def readexactly(self, n):
        if n < 0:
            raise ValueError("readexactly size can not be less than zero")
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        while len(self._buffer) < n:
            if self._eof:
                partial = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(partial, n)
            await self._wait_for_data("readexactly")
        chunk = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._consumed()
        return chunk

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b"":
            raise StopAsyncIteration
        return line


class StreamWriter:
    """Writes to a channel; drain() waits while too much is buffered."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        words = [type(self).__name__, f"transport={self._transport!r}"]
        if self._reader is not None:
            words.append(f"reader={self._reader!r}")
        return "<" + " ".join(words) + ">"

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.write(b"".join(data))

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport.wait_closed()

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let a pending close finish, so a lost connection shows below.
            await waiting.sleep(0)
        await self._transport.drain()


def _connected(loop, sock, limit):
    """The reader and writer of a connected socket."""
    sock.setblocking(False)
    reader = StreamReader(limit=limit, loop=loop)
    channel = socket_channel(loop, sock)
    channel.attach_reader(reader)
    return reader, StreamWriter(channel, None, reader, loop)


async def _resolve(loop, host, port, family, kind, flags=0):
    """getaddrinfo's answers; a numeric host needs no lookup thread."""
    if host and isinstance(port, int):
        for fam, address in ((_socket.AF_INET, (host, port)), (_socket.AF_INET6, (host, port, 0, 0))):
            if family in (0, fam) and _socket.is_numeric_host(fam, host):
                return [(fam, kind, 0, "", address)]
    infos = await loop.getaddrinfo(host, port, family=family, type=kind, flags=flags)
    if not infos:
        raise OSError("getaddrinfo() returned empty list")
    return infos


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, sock=None,
                          family=0, local_addr=None, **kwds):
    """Connects to host:port; returns (reader, writer)."""
    import socket

    loop = events.get_running_loop()
    if sock is None:
        if host is None and port is None:
            raise ValueError("host and port was not specified and no sock specified")
        errors = []
        for fam, kind, proto, _, address in await _resolve(loop, host, port, family, socket.SOCK_STREAM):
            sock = socket.socket(fam, kind, proto)
            try:
                sock.setblocking(False)
                if local_addr is not None:
                    sock.bind(local_addr)
                await loop.sock_connect(sock, address)
                break
            except OSError as exc:
                errors.append(exc)
                sock.close()
                sock = None
            except BaseException:
                sock.close()
                raise
        if sock is None:
            if len(errors) == 1:
                raise errors[0]
            raise OSError(f"Multiple exceptions: {', '.join(str(e) for e in errors)}")
    return _connected(loop, sock, limit)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, sock=None, **kwds):
    import os
    import socket

    loop = events.get_running_loop()
    if sock is None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            await loop.sock_connect(sock, os.fspath(path))
        except BaseException:
            sock.close()
            raise
    return _connected(loop, sock, limit)


class Server:
    """Listening sockets whose connections each get a reader, a writer and
    a call of the client callback (a coroutine runs as a task)."""

    def __init__(self, loop, sockets, client_connected_cb, limit, backlog):
        self._loop = loop
        self._sockets = list(sockets)
        self._callback = client_connected_cb
        self._limit = limit
        self._backlog = backlog
        self._serving = False
        self._serving_forever = None

    def __repr__(self):
        return f"<{type(self).__name__} sockets={self.sockets!r}>"

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        return () if self._sockets is None else tuple(self._sockets)

    def is_serving(self):
        return self._serving

    async def start_serving(self):
        self._start()
        await waiting.sleep(0)

    def _start(self):
        if self._serving or self._sockets is None:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, listener):
        for _ in range(self._backlog):
            try:
                conn, _ = listener.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({
                    "message": "socket.accept() out of system resource",
                    "exception": exc,
                    "socket": listener,
                })
                return
            reader, writer = _connected(self._loop, conn, self._limit)
            result = self._callback(reader, writer)
            if iscoroutine(result):
                self._loop.create_task(result)

    def close(self):
        sockets, self._sockets = self._sockets, None
        if sockets is None:
            return
        for sock in sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        if self._serving_forever is not None and not self._serving_forever.done():
            self._serving_forever.cancel()
            self._serving_forever = None

    async def wait_closed(self):
        # As in 3.11, returns at once: connections already accepted are
        # not waited for.
        return

    async def serve_forever(self):
        if self._serving_forever is not None:
            raise RuntimeError(f"server {self!r} is already being awaited on serve_forever()")
        if self._sockets is None:
            raise RuntimeError(f"server {self!r} is closed")
        self._start()
        self._serving_forever = self._loop.create_future()
        try:
            await self._serving_forever
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       family=0, flags=None, sock=None, backlog=100, reuse_address=None,
                       reuse_port=None, start_serving=True, **kwds):
    """Listens on host:port (every interface when host is None)."""
    import socket

    loop = events.get_running_loop()
    if sock is not None:
        sockets = [sock]
    else:
        flags = socket.AI_PASSIVE if flags is None else flags
        hosts = host if isinstance(host, (list, tuple)) else [host]
        sockets = []
        try:
            for h in hosts:
                infos = await _resolve(loop, h, port or 0, family, socket.SOCK_STREAM, flags)
                for fam, kind, proto, _, address in infos:
                    s = socket.socket(fam, kind, proto)
                    sockets.append(s)
                    if reuse_address is not False:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    if reuse_port:
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                    if fam == socket.AF_INET6:
                        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                    try:
                        s.bind(address)
                    except OSError as exc:
                        raise OSError(exc.errno, f"error while attempting to bind on address "
                                                 f"{address!r}: {exc.strerror.lower()}") from None
        except BaseException:
            for s in sockets:
                s.close()
            raise
    for s in sockets:
        s.setblocking(False)
    server = Server(loop, sockets, client_connected_cb, limit, backlog)
    if start_serving:
        await server.start_serving()
    return server


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT, sock=None,
                            backlog=100, start_serving=True, **kwds):
    import os
    import socket

    loop = events.get_running_loop()
    if sock is None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(os.fspath(path))
        except BaseException:
            sock.close()
            raise
    sock.setblocking(False)
    server = Server(loop, [sock], client_connected_cb, limit, backlog)
    if start_serving:
        await server.start_serving()
    return server
