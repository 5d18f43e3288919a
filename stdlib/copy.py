"""Shallow and deep copies of arbitrary objects: copy(x) and deepcopy(x[, memo]).

A type takes part by defining __copy__ / __deepcopy__(memo), or through the
pickle protocol (__reduce_ex__ / __reduce__, __getstate__ / __setstate__).
Objects without either are rebuilt from their class, __dict__ and slots.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


class _Probe:
    def method(self):
        pass


_MethodType = type(_Probe().method)
del _Probe

# Values that are never copied, shallow or deep: they are immutable, or
# (functions, classes, properties) shared by identity on purpose.
_KEEP = frozenset([
    type(None), type(Ellipsis), type(NotImplemented), bool, int, float,
    complex, str, bytes, range, type, type(len), type(lambda: 0), property,
])

_SHALLOW = {
    list: list.copy,
    dict: dict.copy,
    set: set.copy,
    bytearray: bytearray.copy,
    tuple: None,
    frozenset: None,
}


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if cls in _KEEP or issubclass(cls, type):
        return x
    if cls in _SHALLOW:
        dup = _SHALLOW[cls]
        return x if dup is None else dup(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    recipe = _recipe(x)
    if isinstance(recipe, str):
        return x
    return _rebuild(x, None, *recipe)


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x.

    memo maps id(original) to its copy, so shared and recursive structures
    keep their shape; a __deepcopy__ hook receives it and passes it on."""
    if memo is None:
        memo = {}
    done = memo.get(id(x), _nil)
    if done is not _nil:
        return done
    cls = type(x)
    if cls in _KEEP or issubclass(cls, type):
        return x
    builder = _DEEP.get(cls)
    if builder is not None:
        y = builder(x, memo)
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            y = hook(memo)
        else:
            recipe = _recipe(x)
            y = x if isinstance(recipe, str) else _rebuild(x, memo, *recipe)
    if y is not x:
        memo[id(x)] = y
        # The memo holds the originals too, so that their ids stay unique
        # while the copy runs (a freed object's id could be reused).
        memo.setdefault(id(memo), []).append(x)
    return y


def _deep_list(x, memo):
    y = memo[id(x)] = []
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deep_dict(x, memo):
    y = memo[id(x)] = {}
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deep_set(x, memo):
    y = memo[id(x)] = set()
    for item in x:
        y.add(deepcopy(item, memo))
    return y


def _deep_tuple(x, memo):
    parts = [deepcopy(item, memo) for item in x]
    # A tuple reachable from its own items (through a list, say) has been
    # copied already while its items were.
    if id(x) in memo:
        return memo[id(x)]
    if all(new is old for new, old in zip(parts, x)):
        return x
    return tuple(parts)


_DEEP = {
    list: _deep_list,
    dict: _deep_dict,
    set: _deep_set,
    tuple: _deep_tuple,
    frozenset: lambda x, memo: frozenset(deepcopy(item, memo) for item in x),
    bytearray: lambda x, memo: bytearray(x),
    # Binding the function again (a function's __get__) makes a bound method.
    _MethodType: lambda x, memo: x.__func__.__get__(deepcopy(x.__self__, memo)),
}


def _recipe(x):
    """How to rebuild x, in the form __reduce_ex__ returns (or a string: keep x).

    A reduce method defined below object wins; otherwise the default recipe
    creates a bare instance and restores its __dict__ and slots."""
    for klass in type(x).__mro__[:-1]:
        own = klass.__dict__
        if "__reduce_ex__" in own:
            return x.__reduce_ex__(4)
        if "__reduce__" in own:
            return x.__reduce__()
    cls = type(x)
    new_args = _new_args(x)
    items = iter(x) if isinstance(x, list) else None
    pairs = iter(x.items()) if isinstance(x, dict) else None
    return (_bare_instance, (cls, *new_args), _state_of(x), items, pairs)


def _state_of(x):
    # What __getstate__ returns: a class's own method, or by default a copy
    # of __dict__ paired with the slot values when there are any.
    for klass in type(x).__mro__[:-1]:
        if "__getstate__" in klass.__dict__:
            return x.__getstate__()
    state = getattr(x, "__dict__", None)
    if state is not None:
        state = dict(state)
    slots = _slot_values(x)
    return (state, slots) if slots else state


def _new_args(x):
    # What __new__ needs for subclasses of immutable builtins.
    getter = getattr(x, "__getnewargs__", None)
    if getter is not None:
        return tuple(getter())
    if isinstance(x, tuple):
        return (tuple(x),)
    if isinstance(x, frozenset):
        return (frozenset(x),)
    for base in (bool, int, float, str, bytes):
        if isinstance(x, base):
            return (base(x),)
    return ()


def _bare_instance(cls, *args):
    return cls.__new__(cls, *args)


def _slot_values(x):
    found = {}
    for klass in type(x).__mro__:
        declared = klass.__dict__.get("__slots__", ())
        for name in (declared,) if isinstance(declared, str) else declared:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_" + klass.__name__.lstrip("_") + name
            try:
                found[name] = getattr(x, name)
            except AttributeError:
                pass
    return found


def _rebuild(x, memo, func, args, state=None, items=None, pairs=None, *unused):
    """Carry out a reduce recipe; a memo means every part is deep-copied."""
    if memo is None:
        clone = _same
    else:
        def clone(part):
            return deepcopy(part, memo)
        args = tuple(map(clone, args))
    y = func(*args)
    if memo is not None:
        memo[id(x)] = y
    if state is not None:
        _restore(y, clone(state))
    if items is not None:
        for item in items:
            y.append(clone(item))
    if pairs is not None:
        for k, v in pairs:
            y[clone(k)] = clone(v)
    return y


def _same(part):
    return part


def _restore(y, state):
    setter = getattr(y, "__setstate__", None)
    if setter is not None:
        setter(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)
