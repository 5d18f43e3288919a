"""Weak references: refer to an object without keeping it alive.

ref, proxy, WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize,
on the native `_weakref` handles. Dead entries leave the weak containers
as soon as they are looked at.

Known difference from CPython: tulip frees objects without calling back
into Python code, so a ref's callback is not called when its referent
dies, and finalize() runs its function only when called directly or at
interpreter exit (atexit=True), not at the referent's collection.
"""

import _weakref
import sys

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


# Plain refs (no callback, not a subclass) are shared, one per live
# object, as CPython shares them: ref(x) is ref(x). Keyed by id(); an entry
# whose object died is replaced when the id comes back, and dead entries
# are swept when the table has doubled.
_shared = {}
_sweep_at = [64]


def _sweep():
    for key, wr in list(_shared.items()):
        if wr() is None:
            del _shared[key]
    _sweep_at[0] = max(64, 2 * len(_shared))


class ReferenceType:
    """ref(object[, callback]): call it to get the object, or None once
    the object is gone."""

    __slots__ = ('_handle', '__callback__', '_hash')

    def __new__(cls, ob, callback=None):
        if cls is ReferenceType and callback is None:
            found = _shared.get(id(ob))
            if found is not None and found() is ob:
                return found
        self = object.__new__(cls)
        self._handle = _weakref.new(ob)
        self.__callback__ = callback
        self._hash = None
        if cls is ReferenceType and callback is None:
            _shared[id(ob)] = self
            if len(_shared) > _sweep_at[0]:
                _sweep()
        return self

    def __init__(self, ob, callback=None):
        pass

    def __call__(self):
        return _weakref.get(self._handle)

    def __hash__(self):
        if self._hash is None:
            target = self()
            if target is None:
                raise TypeError('weak object has gone away')
            self._hash = hash(target)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        mine, theirs = self(), other()
        if mine is None or theirs is None:
            return self is other
        return mine == theirs

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __repr__(self):
        target = self()
        if target is None:
            return '<weakref at %#x; dead>' % id(self)
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(target).__name__, id(target))

    __class_getitem__ = classmethod(lambda cls, item: cls)


ReferenceType.__name__ = ReferenceType.__qualname__ = 'ReferenceType'
ref = ReferenceType


class WeakMethod(ref):
    """A weak reference to a bound method that stays valid while the
    instance and the function live."""

    __slots__ = ('_func_ref', '_meth_type')

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        self._func_ref = ref(func)
        self._meth_type = type(meth)

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        return ref.__new__(cls, obj, callback)

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        # Bind again through the descriptor protocol.
        return func.__get__(obj, type(obj))


def getweakrefcount(object):
    return 0


def getweakrefs(object):
    return []


class ProxyType:
    """proxy(object): behaves like the object while it lives."""

    __slots__ = ('_ref',)

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_ref', ref(ob, callback))

    def _target(self):
        target = object.__getattribute__(self, '_ref')()
        if target is None:
            raise ReferenceError('weakly-referenced object no longer exists')
        return target

    def __getattr__(self, name):
        return getattr(ProxyType._target(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._target(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._target(self), name)

    def __repr__(self):
        target = ProxyType._target(self)
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(target).__name__, id(target))

    def __str__(self):
        return str(ProxyType._target(self))

    def __bool__(self):
        return bool(ProxyType._target(self))

    def __len__(self):
        return len(ProxyType._target(self))

    def __iter__(self):
        return iter(ProxyType._target(self))

    def __getitem__(self, key):
        return ProxyType._target(self)[key]

    def __setitem__(self, key, value):
        ProxyType._target(self)[key] = value

    def __contains__(self, item):
        return item in ProxyType._target(self)

    def __eq__(self, other):
        return ProxyType._target(self) == other

    def __lt__(self, other):
        return ProxyType._target(self) < other

    def __add__(self, other):
        return ProxyType._target(self) + other

    def __call__(self, *args, **kwargs):
        return ProxyType._target(self)(*args, **kwargs)

    __hash__ = None


CallableProxyType = ProxyType
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None):
    return ProxyType(object, callback)


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes when its
    value is gone."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _live_items(self):
        dead = []
        for key, wr in list(self.data.items()):
            value = wr()
            if value is None:
                dead.append(key)
            else:
                yield key, value
        for key in dead:
            self.data.pop(key, None)

    def __getitem__(self, key):
        value = self.data[key]()
        if value is None:
            del self.data[key]
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return sum(1 for _ in self._live_items())

    def __iter__(self):
        for key, _value in self._live_items():
            yield key

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        value = wr()
        return default if value is None else value

    def keys(self):
        return [k for k, _v in self._live_items()]

    def values(self):
        return [v for _k, v in self._live_items()]

    def items(self):
        return list(self._live_items())

    itervaluerefs = lambda self: iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *default):
        try:
            value = self.data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        value = self.get(key)
        if value is None:
            self[key] = default
            return default
        return value

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, 'items'):
                other = other.items()
            for key, value in other:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())

    __copy__ = copy

    def __or__(self, other):
        result = self.copy()
        result.update(other)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes when its key
    is gone."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _live_items(self):
        dead = []
        for wr, value in list(self.data.items()):
            key = wr()
            if key is None:
                dead.append(wr)
            else:
                yield key, value
        for wr in dead:
            self.data.pop(wr, None)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for _ in self._live_items())

    def __iter__(self):
        for key, _value in self._live_items():
            yield key

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return [k for k, _v in self._live_items()]

    def values(self):
        return [v for _k, v in self._live_items()]

    def items(self):
        return list(self._live_items())

    def keyrefs(self):
        return list(self.data)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakKeyDictionary(self.items())

    __copy__ = copy


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            self.update(data)

    def _live(self):
        dead = []
        for wr in list(self.data):
            item = wr()
            if item is None:
                dead.append(wr)
            else:
                yield item
        for wr in dead:
            self.data.discard(wr)

    def __iter__(self):
        return iter(list(self._live()))

    def __len__(self):
        return sum(1 for _ in self._live())

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def add(self, item):
        self.data.add(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = wr()
            if item is not None:
                return item

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        result = self.copy()
        result.update(other)
        return result

    __or__ = union

    def difference(self, other):
        return WeakSet(item for item in self if item not in other)

    __sub__ = difference

    def intersection(self, other):
        return WeakSet(item for item in self if item in other)

    __and__ = intersection

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, WeakSet):
            return NotImplemented
        return set(self) == set(other)


class finalize:
    """finalize(obj, func, *args, **kwargs): a callable that runs
    func(*args, **kwargs) at most once; here when called, or at exit
    while the object lives (see the module's notes)."""

    _registry = []
    _exit_hooked = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_hooked:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._exit_hooked = True
        info = self._Info()
        info.weakref = ref(obj)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        self._info = info
        finalize._registry.append(self)

    def __call__(self, _=None):
        info = self._info
        if info is None:
            return None
        self._info = None
        if self in finalize._registry:
            finalize._registry.remove(self)
        return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._info
        if info is None or info.weakref() is None:
            return None
        self._info = None
        if self in finalize._registry:
            finalize._registry.remove(self)
        return (info.weakref(), info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._info
        if info is None or info.weakref() is None:
            return None
        return (info.weakref(), info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self._info is not None

    @property
    def atexit(self):
        return self._info is not None and self._info.atexit

    @atexit.setter
    def atexit(self, value):
        if self._info is not None:
            self._info.atexit = bool(value)

    def __repr__(self):
        info = self._info
        obj = info.weakref() if info is not None else None
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        pending = [f for f in cls._registry if f._info is not None and f._info.atexit]
        for f in reversed(pending):
            try:
                f()
            except Exception:
                sys.excepthook(*sys.exc_info()) if hasattr(sys, 'excepthook') else None
