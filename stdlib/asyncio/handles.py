"""Handles: a callback scheduled on the event loop, now (Handle) or at a
deadline (TimerHandle). Cancelling a handle makes the loop skip it.

Handle is native (`_asyncio.Handle`, src/aio/handle.rs)."""

from _asyncio import Handle

__all__ = ("Handle", "TimerHandle")


def _describe_callback(callback, args):
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    if name is None:
        name = repr(callback)
    if args is None:
        return name
    return f"{name}({', '.join(repr(a) for a in args)})"


def _handle_repr(handle):
    """repr() of a Handle or TimerHandle (called by the native type)."""
    words = [type(handle).__name__]
    if isinstance(handle, TimerHandle):
        words.append(f"when={handle._when}")
    if handle._cancelled:
        words.append("cancelled")
    if handle._callback is not None:
        words.append(_describe_callback(handle._callback, handle._args))
    return "<" + " ".join(words) + ">"


class TimerHandle(Handle):
    __slots__ = ("_when", "_scheduled")

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled and self._scheduled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()
