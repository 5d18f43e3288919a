"""The event loop's descriptor watching: add_reader/add_writer and the
sock_* coroutines built on them.

The loop sleeps in one poll(2) over the watched descriptors, one end of
its wake-up socket pair (written by call_soon_threadsafe from other threads)
and the nearest timer's deadline. A descriptor found ready puts its
handle on the FIFO ready queue, before the timers that are due, as in
CPython's _run_once."""

import select

import _socket

from .handles import Handle

__all__ = ()


class Readiness:
    """The I/O half of the event loop (mixed into EventLoop)."""

    def _init_readiness(self):
        self._readers = {}              # fd -> Handle
        self._writers = {}
        # A socket pair rather than os.pipe(): asyncio starts without os.
        self._wake_r, self._wake_w = _socket.socketpair(
            _socket.AF_UNIX, _socket.SOCK_STREAM | _socket.SOCK_NONBLOCK, 0)

    def __del__(self):
        # A loop freed without close() gives its wake-up sockets back.
        if getattr(self, "_wake_r", -1) != -1:
            self._close_readiness()

    def _close_readiness(self):
        self._readers.clear()
        self._writers.clear()
        for fd in (self._wake_r, self._wake_w):
            _socket.close(fd)
        self._wake_r = self._wake_w = -1

    def _wake_up(self):
        """Wakes the loop from another thread (or a signal)."""
        try:
            _socket.send(self._wake_w, b"\0", 0, 0.0)
        except OSError:
            pass        # the buffer is full (a wake-up is pending) or closed

    def _poll(self, timeout):
        """Waits up to `timeout` seconds (None: until something happens)
        and queues the handles of the ready descriptors."""
        readers = list(self._readers)
        readers.append(self._wake_r)
        readable, writable = select._ready_fds(readers, list(self._writers), timeout)
        for fd in readable:
            if fd == self._wake_r:
                self._drain_wake_ups()
                if self._signals_arrived:
                    self._ready.append(Handle(self._deliver_signals, (), self, None))
            else:
                self._queue_ready(self._readers, fd)
        for fd in writable:
            self._queue_ready(self._writers, fd)

    def _drain_wake_ups(self):
        try:
            while _socket.recv(self._wake_r, 4096, 0, 0.0):
                pass
        except BlockingIOError:
            pass

    def _queue_ready(self, watched, fd):
        handle = watched.get(fd)
        if handle is None:
            return
        if handle._cancelled:
            del watched[fd]
        else:
            self._ready.append(handle)

    # -- watching descriptors --

    def _watch(self, watched, fd, callback, args):
        self._check_closed()
        fd = _fileno(fd)
        handle = Handle(callback, args, self, None)
        old = watched.get(fd)
        watched[fd] = handle
        if old is not None:
            old.cancel()
        return handle

    def _unwatch(self, watched, fd):
        if self._closed:
            return False
        handle = watched.pop(_fileno(fd), None)
        if handle is None:
            return False
        handle.cancel()
        return True

    def add_reader(self, fd, callback, *args):
        self._watch(self._readers, fd, callback, args)

    def remove_reader(self, fd):
        return self._unwatch(self._readers, fd)

    def add_writer(self, fd, callback, *args):
        self._watch(self._writers, fd, callback, args)

    def remove_writer(self, fd):
        return self._unwatch(self._writers, fd)

    # -- sockets --

    def _when_ready(self, watched, fd, attempt):
        """A future of `attempt()`, retried each time `fd` is ready until it
        stops raising BlockingIOError."""
        fut = self.create_future()

        def on_ready():
            if fut.done():
                return
            try:
                result = attempt()
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._unwatch_if_mine(watched, fd, handle)
                fut.set_exception(exc)
            else:
                self._unwatch_if_mine(watched, fd, handle)
                fut.set_result(result)

        handle = self._watch(watched, fd, on_ready, ())
        # A cancelled wait stops watching, unless another wait took over.
        fut.add_done_callback(lambda _: self._unwatch_if_mine(watched, fd, handle))
        return fut

    def _unwatch_if_mine(self, watched, fd, handle):
        if watched.get(fd) is handle:
            self._unwatch(watched, fd)

    async def sock_recv(self, sock, nbytes):
        try:
            return sock.recv(nbytes)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._when_ready(self._readers, sock.fileno(), lambda: sock.recv(nbytes))

    async def sock_recv_into(self, sock, buf):
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._when_ready(self._readers, sock.fileno(), lambda: sock.recv_into(buf))

    async def sock_sendall(self, sock, data):
        view = bytes(data)
        try:
            sent = sock.send(view)
        except (BlockingIOError, InterruptedError):
            sent = 0
        while sent < len(view):
            view = view[sent:]
            sent = await self._when_ready(self._writers, sock.fileno(), lambda: sock.send(view))

    async def sock_connect(self, sock, address):
        address = sock._address(address)
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass

        def finish():
            err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
            if err:
                raise OSError(err, f"Connect call failed {address}")

        await self._when_ready(self._writers, sock.fileno(), finish)

    async def sock_accept(self, sock):
        def attempt():
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address

        try:
            return attempt()
        except (BlockingIOError, InterruptedError):
            pass
        return await self._when_ready(self._readers, sock.fileno(), attempt)

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        import socket       # here: asyncio itself starts without the socket module
        return await self.run_in_executor(None, socket.getaddrinfo, host, port, family, type, proto, flags)


def _fileno(fd):
    if isinstance(fd, int):
        if fd < 0:
            raise ValueError(f"Invalid file descriptor: {fd}")
        return fd
    try:
        return _fileno(int(fd.fileno()))
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f"Invalid file object: {fd!r}") from None
