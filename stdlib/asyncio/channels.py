"""Channel: a non-blocking descriptor (a connected socket or a pipe end)
driven by the loop's readiness callbacks. It plays the part of CPython's
transport for streams: what arrives is fed to a StreamReader, what is
written waits in a buffer until the descriptor takes it.

Flow control: reading pauses while the reader holds more than twice its
limit and resumes once it is down to the limit; drain() waits while more
than HIGH_WATER bytes are buffered for writing, until LOW_WATER."""

__all__ = ()

HIGH_WATER = 64 * 1024
LOW_WATER = HIGH_WATER // 4
# The most one read takes (CPython's selector transport reads 256 KiB).
_MAX_READ = 256 * 1024


class Channel:
    def __init__(self, loop, fd, *, recv=None, send=None, close=None, shutdown_write=None, extra=None):
        self._loop = loop
        self._fd = fd
        self._recv = recv
        self._send = send
        self._close_fd = close
        self._shutdown_write = shutdown_write
        self._extra = dict(extra or {})
        self._reader = None
        self._reading = False
        self._wbuf = bytearray()
        self._eof_pending = False
        self._closing = False
        self._closed = loop.create_future()
        self._drain_waiters = []
        self._lost = False

    def __repr__(self):
        state = "closed" if self._closed.done() else "closing" if self._closing else "open"
        return f"<Channel fd={self._fd} {state} bufsize={len(self._wbuf)}>"

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    # -- reading --

    def attach_reader(self, reader):
        """Feeds what arrives to `reader`."""
        self._reader = reader
        reader._channel = self
        self.resume_reading()

    def pause_reading(self):
        if self._reading:
            self._reading = False
            self._loop.remove_reader(self._fd)

    def resume_reading(self):
        if not self._reading and not self._closing and self._recv is not None:
            self._reading = True
            self._loop.add_reader(self._fd, self._on_readable)

    def _on_readable(self):
        try:
            data = self._recv(_MAX_READ)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fail(exc)
            return
        if not data:
            # The peer finished sending; our side may still write.
            self.pause_reading()
            self._recv = None
            self._reader.feed_eof()
            if self._send is None:
                self.close()
            return
        self._reader.feed_data(data)
        if len(self._reader._buffer) > 2 * self._reader._limit:
            self.pause_reading()

    # -- writing --

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__!r}")
        if self._eof_pending:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data or self._closing or self._lost:
            return
        data = bytes(data)
        if not self._wbuf:
            try:
                sent = self._send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                self._fail(exc)
                return
            data = data[sent:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._on_writable)
        self._wbuf += data

    def _on_writable(self):
        try:
            sent = self._send(self._wbuf) if self._wbuf else 0
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fail(exc)
            return
        del self._wbuf[:sent]
        if len(self._wbuf) <= LOW_WATER:
            self._wake_drainers(None)
        if self._wbuf:
            return
        self._loop.remove_writer(self._fd)
        if self._closing:
            self._finish_close(None)
        elif self._eof_pending:
            self._shutdown_write()

    def write_buffer_size(self):
        return len(self._wbuf)

    def can_write_eof(self):
        return self._shutdown_write is not None

    def write_eof(self):
        if self._closing or self._eof_pending:
            return
        if self._shutdown_write is None:
            raise NotImplementedError
        self._eof_pending = True
        if not self._wbuf:
            self._shutdown_write()

    async def drain(self):
        if self._lost:
            raise ConnectionResetError("Connection lost")
        if len(self._wbuf) <= HIGH_WATER:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)

    def _wake_drainers(self, exc):
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    # -- closing --

    def is_closing(self):
        return self._closing

    def close(self):
        """Closes once the buffered data is written."""
        if self._closing:
            return
        self._closing = True
        self.pause_reading()
        if not self._wbuf:
            self._loop.call_soon(self._finish_close, None)

    def abort(self):
        self._closing = True
        self.pause_reading()
        self._finish_close(None)

    def _fail(self, exc):
        self._closing = True
        self.pause_reading()
        self._finish_close(exc)

    def _finish_close(self, exc):
        if self._closed.done():
            return
        self._lost = True
        self._loop.remove_writer(self._fd)
        self._wbuf.clear()
        self._close_fd()
        if self._reader is not None:
            if exc is None:
                self._reader.feed_eof()
            else:
                self._reader.set_exception(exc)
        self._wake_drainers(ConnectionResetError("Connection lost") if exc is None else exc)
        self._closed.set_result(None)

    async def wait_closed(self):
        await self._closed


def socket_channel(loop, sock):
    """A channel over the connected non-blocking socket `sock`."""
    import socket

    extra = {"socket": sock}
    for name, get in (("sockname", sock.getsockname), ("peername", sock.getpeername)):
        try:
            extra[name] = get()
        except OSError:
            extra[name] = None
    return Channel(loop, sock.fileno(), recv=sock.recv, send=sock.send, close=sock.close,
                   shutdown_write=lambda: sock.shutdown(socket.SHUT_WR), extra=extra)
