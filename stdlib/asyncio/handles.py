"""Handles: a callback scheduled on the event loop, now (Handle) or at a
deadline (TimerHandle). Cancelling a handle makes the loop skip it.

Both are native (`_asyncio`, src/aio/handle.rs and src/aio/timer.rs)."""

import functools
import inspect
import reprlib

from _asyncio import Handle, TimerHandle

__all__ = ("Handle", "TimerHandle")


def _arguments(args, kwargs):
    """`(1, 'x', key=2)`, each value shortened by reprlib as CPython does."""
    parts = [reprlib.repr(a) for a in args or ()]
    parts += [f"{k}={reprlib.repr(v)}" for k, v in (kwargs or {}).items()]
    return f"({', '.join(parts)})"


def _describe_call(func, args, kwargs=None, suffix=""):
    # A partial shows its own arguments, then those of the call.
    if isinstance(func, functools.partial):
        return _describe_call(func.func, func.args, func.keywords, _arguments(args, kwargs) + suffix)
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)
    return name + _arguments(args, kwargs) + suffix


def _callback_source(func):
    """` at FILE:LINE` for a callback that is (or wraps) a Python function."""
    func = inspect.unwrap(func)
    if inspect.isfunction(func):
        return f" at {func.__code__.co_filename}:{func.__code__.co_firstlineno}"
    if isinstance(func, (functools.partial, functools.partialmethod)):
        return _callback_source(func.func)
    return ""


def _describe_callback(callback, args):
    """How handles, future reprs and error messages name a callback."""
    return _describe_call(callback, args) + _callback_source(callback)


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

