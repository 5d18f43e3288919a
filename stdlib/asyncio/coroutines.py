"""Telling coroutines and coroutine functions apart from other objects."""

import collections.abc
import functools
import types

from _inspect import code_flags

__all__ = ("iscoroutinefunction", "iscoroutine")

_CO_COROUTINE = 0x80

# Marks functions that asyncio must treat as coroutine functions although
# they are not `async def` (CPython's legacy @asyncio.coroutine did so).
_is_coroutine = object()


def _unwrap(func):
    while True:
        if isinstance(func, types.MethodType):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            return func


def iscoroutinefunction(func):
    """True for `async def` functions (also behind methods and partials)."""
    return (bool(code_flags(_unwrap(func)) & _CO_COROUTINE)
            or getattr(func, "_is_coroutine", None) is _is_coroutine)


def iscoroutine(obj):
    """True for coroutine objects and other Coroutine implementations."""
    return isinstance(obj, (types.CoroutineType, collections.abc.Coroutine))
