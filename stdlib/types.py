"""Names for the types the interpreter uses (FunctionType, GeneratorType, ...),
SimpleNamespace, new_class and friends."""

from _tulip import c_type as _c_type
import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(getattr(_f, "__code__", None))
MappingProxyType = type(type.__dict__)
if MappingProxyType is dict:
    class MappingProxyType:
        """A read-only view of a mapping."""
        __slots__ = ("_mapping",)

        def __new__(cls, mapping):
            if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__") \
                    or isinstance(mapping, (list, tuple)):
                raise TypeError(f"mappingproxy() argument must be a mapping, "
                                f"not {type(mapping).__name__}")
            self = object.__new__(cls)
            object.__setattr__(self, "_mapping", mapping)
            return self

        def __getitem__(self, key):
            return self._mapping[key]

        def __iter__(self):
            return iter(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def __contains__(self, key):
            return key in self._mapping

        def __reversed__(self):
            return reversed(self._mapping)

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __repr__(self):
            return f"mappingproxy({self._mapping!r})"

        def __str__(self):
            return str(self._mapping)

        def __eq__(self, other):
            return self._mapping == other

        def __or__(self, other):
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def __setattr__(self, name, value):
            raise AttributeError(f"'mappingproxy' object has no attribute {name!r}")

        __hash__ = None

    MappingProxyType.__name__ = MappingProxyType.__qualname__ = "mappingproxy"
SimpleNamespace = None  # defined below
CellType = type((lambda x: lambda: x)(0).__closure__[0]) if getattr(
    (lambda x: lambda: x)(0), "__closure__", None) else None


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


_ag = _ag()
AsyncGeneratorType = type(_ag)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"]) if "fromkeys" in dict.__dict__ else classmethod
ModuleType = type(sys)
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(getattr(_e.__traceback__, "tb_frame", None))


class _Slotted:
    __slots__ = ("a",)


def _descriptor_type(v, name):
    t = type(v)
    if t is type(None) or t is object:
        # Not distinguishable here: a type nothing is an instance of.
        return type(name, (), {})
    return t


MemberDescriptorType = _descriptor_type(_Slotted.__dict__.get("a"), "member_descriptor")
GetSetDescriptorType = _descriptor_type(FunctionType.__dict__.get("__code__")
                                        if hasattr(FunctionType, "__dict__") else None,
                                        "getset_descriptor")
del _Slotted
GenericAlias = type(list[int])
try:
    UnionType = type(int | str)
except TypeError:
    class UnionType:
        pass
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
del _f, _g, _c, _ag, _C


@_c_type
class SimpleNamespace:
    """A simple attribute-based namespace: SimpleNamespace(a=1, b=2)."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        ident = id(self)
        if ident in _repr_running:
            return f"{_ns_name(self)}(...)"
        _repr_running.add(ident)
        try:
            items = (f"{k}={v!r}" for k, v in self.__dict__.items())
            return f"{_ns_name(self)}({', '.join(items)})"
        finally:
            _repr_running.discard(ident)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


_repr_running = set()


def _ns_name(ns):
    return "namespace" if type(ns) is SimpleNamespace else type(ns).__name__


def resolve_bases(bases):
    """Resolves MRO entries (PEP 560) in bases."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Returns (metaclass, namespace, kwds) for a class definition."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class dynamically, as a class statement would."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved_bases, ns, **kwds)


def coroutine(func):
    """Marks a generator function as usable as a coroutine (legacy)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    return func


class DynamicClassAttribute(property):
    """A property that on the class falls back to the class's __getattr__."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if getattr(self, "__isabstractmethod__", False):
                return self
            raise AttributeError()
        return super().__get__(instance, ownerclass)


def get_original_bases(cls):
    return cls.__dict__.get("__orig_bases__", cls.__bases__)
