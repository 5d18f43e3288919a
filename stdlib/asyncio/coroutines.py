"""Telling coroutines and coroutine functions apart from other objects."""

import collections.abc
import inspect
import types

__all__ = ("iscoroutinefunction", "iscoroutine")

# Marks functions that asyncio must treat as coroutine functions although
# they are not `async def` (CPython's legacy @asyncio.coroutine did so).
_is_coroutine = object()


def iscoroutinefunction(func):
    """True for `async def` functions (also behind methods and partials)."""
    return (inspect.iscoroutinefunction(func)
            or getattr(func, "_is_coroutine", None) is _is_coroutine)


def iscoroutine(obj):
    """True for coroutine objects and other Coroutine implementations."""
    return isinstance(obj, (types.CoroutineType, collections.abc.Coroutine))
