"""Higher-order functions: reduce, partial, wraps, lru_cache, cache,
total_ordering, cmp_to_key, cached_property, singledispatch."""

from _tulip import c_type as _c_type
from collections import namedtuple as _namedtuple

__all__ = ["update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES",
           "total_ordering", "cache", "cmp_to_key", "lru_cache", "reduce",
           "partial", "partialmethod", "singledispatch", "singledispatchmethod",
           "cached_property"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Makes `wrapper` look like `wrapped` (name, doc, ...) and sets __wrapped__."""
    missing = object()
    for name in assigned:
        # Attributes wrapped lacks are left as they are on wrapper.
        value = getattr(wrapped, name, missing)
        if value is not missing:
            setattr(wrapper, name, value)
    for name in updated:
        extra = getattr(wrapped, name, missing)
        target = getattr(wrapper, name, missing)
        if extra is not missing and target is not missing:
            target.update(extra)
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ loses.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


################################################################################
# total_ordering
################################################################################

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = {
    "__lt__": [("__gt__", _gt_from_lt), ("__le__", _le_from_lt), ("__ge__", _ge_from_lt)],
    "__le__": [("__ge__", _ge_from_le), ("__lt__", _lt_from_le), ("__gt__", _gt_from_le)],
    "__gt__": [("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt), ("__le__", _le_from_gt)],
    "__ge__": [("__le__", _le_from_ge), ("__gt__", _gt_from_ge), ("__lt__", _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods from one of them."""
    roots = {op for op in _convert
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


################################################################################
# cmp_to_key
################################################################################

def _by_sign(mycmp, test):
    # A rich comparison method that applies `test` to mycmp's result.
    def compare(self, other):
        return test(mycmp(self.obj, other.obj))
    return compare


def cmp_to_key(mycmp):
    """Converts an old-style cmp function into a key function."""
    class KeyWrapper:
        __slots__ = ["obj"]
        __hash__ = None

        def __init__(self, obj):
            self.obj = obj

        __lt__ = _by_sign(mycmp, lambda sign: sign < 0)
        __le__ = _by_sign(mycmp, lambda sign: sign <= 0)
        __eq__ = _by_sign(mycmp, lambda sign: sign == 0)
        __ge__ = _by_sign(mycmp, lambda sign: sign >= 0)
        __gt__ = _by_sign(mycmp, lambda sign: sign > 0)

    _c_type(KeyWrapper, 'functools.KeyWrapper')

    KeyWrapper.__qualname__ = "KeyWrapper"
    return KeyWrapper


################################################################################
# reduce
################################################################################

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value"""
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


################################################################################
# partial
################################################################################

def _call_text(func, args, keywords):
    # "func, arg, ..., name=value, ...": the inside of a partial's repr.
    shown = [repr(func), *map(repr, args)]
    shown += [f"{name}={value!r}" for name, value in keywords.items()]
    return ", ".join(shown)


@_c_type
class partial:
    """partial(func, *args, **keywords): a callable with some arguments fixed."""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self = object.__new__(cls)
        if type(func) is partial:
            # Flatten: partial(partial(f, a), b) is partial(f, a, b).
            self.func = func.func
            self.args = (*func.args, *args)
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func, self.args, self.keywords = func, args, keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        name = type(self).__qualname__
        if type(self).__module__ == "functools":
            name = "functools." + name
        return f"{name}({_call_text(self.func, self.args, self.keywords)})"

class partialmethod:
    """A partial for methods: binds as a method, then applies the arguments."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        return f"functools.partialmethod({_call_text(self.func, self.args, self.keywords)})"

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        if isinstance(self.func, (staticmethod, classmethod)) and get is not None:
            return partial(get(obj, cls), *self.args, **self.keywords)
        if obj is None:
            def _method(cls_or_self, /, *args, **keywords):
                keywords = {**self.keywords, **keywords}
                return self.func(cls_or_self, *self.args, *args, **keywords)
            return _method
        return partial(self.func, obj, *self.args, **self.keywords)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


################################################################################
# lru_cache
################################################################################

_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _Kwd:
    __slots__ = ()

    def __repr__(self):
        return "<kwd mark>"


_kwd_mark = (_Kwd(),)
_fasttypes = {int, str}


def _make_key(args, kwds, typed):
    """The cache key of one call: flat, hashable, and distinguishing keyword
    from positional arguments (and, when typed, 1 from 1.0)."""
    if not kwds and not typed and len(args) == 1 and type(args[0]) in _fasttypes:
        return args[0]  # an int or str is its own key
    parts = list(args)
    if kwds:
        parts += _kwd_mark
        for pair in kwds.items():
            parts += pair
    if typed:
        parts += [type(arg) for arg in args]
        parts += [type(arg) for arg in kwds.values()]
    return tuple(parts)


def lru_cache(maxsize=128, typed=False):
    """Decorator memoising a function's results, keeping the `maxsize` most
    recently used (all of them when maxsize is None)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    sentinel = object()
    make_key = _make_key
    cache = {}
    stats = [0, 0]  # hits, misses
    cache_get = cache.get

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache_get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache_get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                # Most recently used moves to the end.
                del cache[key]
                cache[key] = result
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """An unbounded lru_cache."""
    return lru_cache(maxsize=None)(user_function)


################################################################################
# singledispatch
################################################################################

def _find_impl(cls, registry):
    for base in getattr(cls, "__mro__", (cls, object)):
        if base in registry:
            return registry[base]
    # Virtual subclasses (ABCs registered or with __subclasshook__).
    best = None
    for typ in registry:
        if typ is not object and isinstance(typ, type) and issubclass(cls, typ):
            if best is None or issubclass(typ, best):
                best = typ
    if best is not None:
        return registry[best]
    return registry.get(object)


def singledispatch(func):
    """Single-dispatch generic function: the implementation is chosen by the
    type of the first argument."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except KeyError:
            impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
            return impl

    def _is_valid_dispatch_type(cls):
        return isinstance(cls, type)

    def register(cls, func=None):
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = func.__globals__.get(cls, None) if hasattr(func, "__globals__") else None
                if cls is None:
                    import builtins
                    cls = getattr(builtins, ann[argname], None)
            if not _is_valid_dispatch_type(cls):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first non-self argument."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def bound(*args, **kwargs):
            chosen = dispatch(args[0].__class__)
            return chosen.__get__(obj, cls)(*args, **kwargs)
        bound.__isabstractmethod__ = self.__isabstractmethod__
        bound.register = self.register
        return update_wrapper(bound, self.func)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


################################################################################
# cached_property
################################################################################

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then stored in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self  # looked up on the class
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        store = getattr(instance, "__dict__", None)
        if store is None:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.")
        # Being a non-data descriptor, this runs only while the instance's
        # __dict__ lacks the name; it still checks, as CPython does.
        value = store.get(name, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = store[name] = self.func(instance)
        return value

    def __class_getitem__(cls, item):
        return cls
