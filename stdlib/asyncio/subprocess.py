"""asyncio subprocesses: subprocess.Popen starts the child, its pipes
become non-blocking Channels with stream readers and writers, and the exit
is noticed by watching a pidfd (a waiter thread where there is none)."""

import os
import subprocess

from . import events, gathering
from .channels import Channel
from .streams import StreamReader, StreamWriter, _DEFAULT_LIMIT

__all__ = ("create_subprocess_exec", "create_subprocess_shell")

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL


def _pipe_channel(loop, f, readable):
    """A channel over the descriptor of the pipe file `f` (which is closed)."""
    fd = os.dup(f.fileno())
    f.close()
    os.set_blocking(fd, False)
    return Channel(loop, fd,
                   recv=(lambda n: os.read(fd, n)) if readable else None,
                   send=None if readable else (lambda data: os.write(fd, data)),
                   close=lambda: os.close(fd),
                   extra={"pipe": fd})


class Process:
    def __init__(self, popen, loop, limit):
        self._popen = popen
        self._loop = loop
        self._exit_waiters = []
        self.pid = popen.pid
        self.stdin = self.stdout = self.stderr = None
        if popen.stdin is not None:
            self.stdin = StreamWriter(_pipe_channel(loop, popen.stdin, False), None, None, loop)
        for name in ("stdout", "stderr"):
            f = getattr(popen, name)
            if f is not None:
                reader = StreamReader(limit=limit, loop=loop)
                _pipe_channel(loop, f, True).attach_reader(reader)
                setattr(self, name, reader)
        self._watch_exit()

    def __repr__(self):
        return f"<{type(self).__name__} {self.pid}>"

    @property
    def returncode(self):
        return self._popen.returncode

    def _watch_exit(self):
        try:
            pidfd = os.pidfd_open(self.pid)
        except OSError:
            import threading

            def wait():
                self._popen.wait()
                try:
                    self._loop.call_soon_threadsafe(self._exited)
                except RuntimeError:
                    pass        # the loop is closed

            threading.Thread(target=wait, daemon=True).start()
            return

        def readable():
            self._loop.remove_reader(pidfd)
            os.close(pidfd)
            self._popen.wait()
            self._exited()

        self._loop.add_reader(pidfd, readable)

    def _exited(self):
        for waiter in self._exit_waiters:
            if not waiter.done():
                waiter.set_result(self.returncode)
        self._exit_waiters.clear()

    async def wait(self):
        """Waits for the child to exit; its return code."""
        if self.returncode is not None:
            return self.returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def send_signal(self, signal):
        self._popen.send_signal(signal)

    def terminate(self):
        self._popen.terminate()

    def kill(self):
        self._popen.kill()

    async def _feed_stdin(self, input):
        if input:
            self.stdin.write(input)
            try:
                await self.stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass        # the child exited without reading everything
        self.stdin.close()

    async def _nothing(self):
        return None

    async def communicate(self, input=None):
        """Writes `input`, reads stdout and stderr to their ends, waits for
        the exit; (stdout, stderr)."""
        feed = self._feed_stdin(input) if self.stdin is not None else self._nothing()
        out = self.stdout.read() if self.stdout is not None else self._nothing()
        err = self.stderr.read() if self.stderr is not None else self._nothing()
        _, out, err = await gathering.gather(feed, out, err)
        await self.wait()
        return out, err


def _check_bytes_mode(kwds):
    if kwds.get("universal_newlines"):
        raise ValueError("universal_newlines must be False")
    if kwds.get("text"):
        raise ValueError("text must be False")
    if kwds.get("encoding") is not None:
        raise ValueError("encoding must be None")
    if kwds.get("errors") is not None:
        raise ValueError("errors must be None")
    if kwds.get("bufsize", 0) != 0:
        raise ValueError("bufsize must be 0")


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_DEFAULT_LIMIT, **kwds):
    _check_bytes_mode(kwds)
    kwds.pop("bufsize", None)
    loop = events.get_running_loop()
    popen = subprocess.Popen([program, *args], stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(popen, loop, limit)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    _check_bytes_mode(kwds)
    kwds.pop("bufsize", None)
    loop = events.get_running_loop()
    popen = subprocess.Popen(cmd, shell=True, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(popen, loop, limit)
