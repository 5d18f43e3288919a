"""asyncio's exception classes."""

__all__ = ("BrokenBarrierError", "CancelledError", "IncompleteReadError",
           "InvalidStateError", "LimitOverrunError", "SendfileNotAvailableError",
           "TimeoutError")

# Since 3.11 asyncio's timeouts raise the builtin exception.
TimeoutError = TimeoutError


class CancelledError(BaseException):
    """The operation was cancelled (a BaseException, so `except Exception`
    does not swallow a cancellation)."""


class InvalidStateError(Exception):
    """A Future or Task was asked for something its state does not allow."""


class SendfileNotAvailableError(RuntimeError):
    """sendfile() cannot be used for this transport or file."""


class IncompleteReadError(EOFError):
    """The stream ended before `expected` bytes were read."""

    def __init__(self, partial, expected):
        shown = "undefined" if expected is None else repr(expected)
        super().__init__(f"{len(partial)} bytes read on a total of {shown} expected bytes")
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was not found within the stream's buffer limit."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    """A Barrier was reset or aborted while tasks were waiting on it."""
