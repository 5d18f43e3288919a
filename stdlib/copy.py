"""Shallow and deep copy: copy(x), deepcopy(x[, memo])."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), type(len), type(lambda: 0),
           property)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _shallow_dispatch:
        return _shallow_dispatch[cls](x)
    if issubclass(cls, type) or isinstance(x, _ATOMIC) and cls in _ATOMIC:
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x):
    # A class's own __reduce_ex__/__reduce__ if it has one, else the default
    # protocol (a new instance with a copy of __dict__ and the slots).
    for klass in type(x).__mro__:
        if klass is object:
            break
        d = klass.__dict__
        if "__reduce_ex__" in d:
            return x.__reduce_ex__(4)
        if "__reduce__" in d:
            return x.__reduce__()
    return _default_reduce(x)


_shallow_dispatch = {}
for _t in _ATOMIC:
    _shallow_dispatch[_t] = lambda x: x
_shallow_dispatch[list] = lambda x: x[:]
_shallow_dispatch[dict] = lambda x: x.copy()
_shallow_dispatch[set] = lambda x: x.copy()
_shallow_dispatch[frozenset] = lambda x: x
_shallow_dispatch[tuple] = lambda x: x
_shallow_dispatch[bytearray] = lambda x: bytearray(x)
del _t


def _default_reduce(x):
    # (callable, args, state, listitems, dictitems) for plain instances.
    cls = type(x)
    state = getattr(x, "__dict__", None)
    if state is not None:
        state = dict(state)
    slots = _slot_state(x)
    if slots:
        state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    args = ()
    getnewargs = getattr(x, "__getnewargs__", None)
    if getnewargs is not None:
        args = tuple(getnewargs())
    elif isinstance(x, (tuple, frozenset)):
        args = (tuple(x),) if isinstance(x, tuple) else (frozenset(x),)
    elif isinstance(x, (int, float, str, bytes)):
        base = next(b for b in cls.__mro__ if b in (int, float, str, bytes, bool))
        args = (base(x),)
    return (_new_instance, (cls,) + args, state, listitems, dictitems)


def _new_instance(cls, *args):
    return cls.__new__(cls, *args)


def _slot_state(x):
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{klass.__name__.lstrip('_')}{name}"
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    return slots


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; `memo` maps id(original) to its copy."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deep_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_atomic(x, memo):
    return x


_deep_dispatch = {}
for _t in _ATOMIC:
    _deep_dispatch[_t] = _deepcopy_atomic
del _t


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


_deep_dispatch[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


_deep_dispatch[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


_deep_dispatch[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for v in x:
        y.add(deepcopy(v, memo))
    return y


_deep_dispatch[set] = _deepcopy_set
_deep_dispatch[frozenset] = lambda x, memo: frozenset(deepcopy(v, memo) for v in x)
_deep_dispatch[bytearray] = lambda x, memo: bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


class _C:
    def _m(self):
        pass


_deep_dispatch[type(_C()._m)] = _deepcopy_method
del _C


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *ignored):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
