"""Handles: a callback scheduled on the event loop, now (Handle) or at a
deadline (TimerHandle). Cancelling a handle makes the loop skip it.

Both are native (`_asyncio`, src/aio/handle.rs and src/aio/timer.rs)."""

from _asyncio import Handle, TimerHandle

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
    if handle._cancelled:
        words.append("cancelled")
    if isinstance(handle, TimerHandle):
        words.append(f"when={handle._when}")
    if handle._callback is not None:
        words.append(_describe_callback(handle._callback, handle._args))
    return "<" + " ".join(words) + ">"
