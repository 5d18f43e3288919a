"""inspect: the type predicates (isfunction, iscoroutinefunction,
isawaitable, ...) and a few helpers. Signatures, source code and frame
inspection are not available yet."""

import types

from _inspect import code_flags

__all__ = ["getmro", "isasyncgen", "isasyncgenfunction", "isawaitable", "isbuiltin",
           "isclass", "iscode", "iscoroutine", "iscoroutinefunction", "isframe",
           "isfunction", "isgenerator", "isgeneratorfunction", "ismethod", "ismodule",
           "isroutine", "istraceback", "unwrap"]

CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj) or callable(obj) and \
        type(obj).__name__ in ("method_descriptor", "wrapper_descriptor", "method-wrapper")


def iscode(obj):
    return isinstance(obj, types.CodeType)


def isframe(obj):
    return types.FrameType is not None and isinstance(obj, types.FrameType)


def istraceback(obj):
    return isinstance(obj, types.TracebackType)


def _has_code_flag(func, flag):
    """Whether the code behind `func` (through methods and partials) has `flag`."""
    import functools
    while True:
        if ismethod(func):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            break
    return isfunction(func) and bool(code_flags(func) & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, types.AsyncGeneratorType)


def isawaitable(obj):
    """Whether `await obj` is allowed."""
    return isinstance(obj, types.CoroutineType) or hasattr(type(obj), "__await__")


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    """Follow the chain of __wrapped__ attributes down to the innermost function."""
    seen = {id(func)}
    original = func
    while hasattr(func, "__wrapped__") and (stop is None or not stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError(f"wrapper loop when unwrapping {original!r}")
        seen.add(id(func))
    return func
