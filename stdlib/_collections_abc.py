"""The abstract base classes of collections.abc.

Two kinds of ABC live here.  The one-trick ABCs (Hashable, Iterable, Sized,
Callable, ...) recognise any class that defines the right methods, through
a __subclasshook__ made by `_structural`.  The container ABCs (Set, Mapping,
Sequence and their mutable forms) are recognised only by inheritance or
registration, and give their subclasses mixin methods written in terms of a
few abstract ones.  The builtin types are registered at the end.
"""

from abc import ABCMeta, abstractmethod
import sys

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
           "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
           "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence", "ByteString"]

# The classes print as collections.abc.X, the module users import.
__name__ = "collections.abc"


def _check_methods(C, *methods):
    """True if class C defines every method in `methods` somewhere in its
    MRO, NotImplemented if one is missing or set to None (explicitly absent)."""
    for name in methods:
        owner = next((klass for klass in C.__mro__ if name in klass.__dict__), None)
        if owner is None or owner.__dict__[name] is None:
            return NotImplemented
    return True


def _structural(*methods):
    """Class decorator: the ABC accepts as virtual subclasses the classes that
    define `methods`.  The hook answers only for the ABC it decorates, so
    that a subclass of the ABC is not satisfied by its parent's methods."""
    def decorate(abc):
        def __subclasshook__(cls, C):
            if cls is not abc:
                return NotImplemented
            return _check_methods(C, *methods)
        abc.__subclasshook__ = classmethod(__subclasshook__)
        return abc
    return decorate


def _alias_self(cls, item):
    # Subscription (Iterable[int]) gives the class back: no generic aliases.
    return cls


def _raise_thrown(typ, val, tb):
    # The default throw(): raise what was thrown in, as generators do.
    if val is None and tb is None:
        raise typ
    exc = typ() if val is None else val
    raise exc if tb is None else exc.with_traceback(tb)


# The types of builtin objects that are registered below.

def _a_generator():
    yield


async def _a_coroutine():
    pass


async def _an_async_generator():
    yield


generator = type(_a_generator())
_unstarted = _a_coroutine()
coroutine = type(_unstarted)
_unstarted.close()  # never awaited, and should not warn about it
del _unstarted
async_generator = type(_an_async_generator())

dict_keys = type({}.keys())
dict_values = type({}.values())
dict_items = type({}.items())
list_iterator = type(iter([]))
tuple_iterator = type(iter(()))
str_iterator = type(iter(""))
range_iterator = type(iter(range(0)))
set_iterator = type(iter(set()))
dict_keyiterator = type(iter({}))
dict_valueiterator = type(iter({}.values()))
dict_itemiterator = type(iter({}.items()))


# --- one-trick ABCs --------------------------------------------------------
# The bodies of abstract methods are what a subclass gets from super().

@_structural("__hash__")
class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


@_structural("__await__")
class Awaitable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = classmethod(_alias_self)

    @abstractmethod
    def __await__(self):
        yield


@_structural("__await__", "send", "throw", "close")
class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    def close(self):
        _close_by_throw(self, "coroutine ignored GeneratorExit")


@_structural("__aiter__")
class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = classmethod(_alias_self)

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


@_structural("__anext__", "__aiter__")
class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self


@_structural("__aiter__", "__anext__", "asend", "athrow", "aclose")
class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


@_structural("__iter__")
class Iterable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = classmethod(_alias_self)

    @abstractmethod
    def __iter__(self):
        return
        yield  # makes this an (empty) generator


@_structural("__iter__", "__next__")
class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


@_structural("__reversed__", "__iter__")
class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return
        yield


def _close_by_throw(gen, complaint):
    # close(): throw GeneratorExit in; it must come back out, or the
    # generator must end.
    try:
        gen.throw(GeneratorExit)
    except (GeneratorExit, StopIteration):
        return
    raise RuntimeError(complaint)


@_structural("__iter__", "__next__", "send", "throw", "close")
class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    def close(self):
        _close_by_throw(self, "generator ignored GeneratorExit")


@_structural("__len__")
class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


@_structural("__contains__")
class Container(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = classmethod(_alias_self)

    @abstractmethod
    def __contains__(self, x):
        return False


@_structural("__len__", "__iter__", "__contains__")
class Collection(Sized, Iterable, Container):
    __slots__ = ()


@_structural("__call__")
class Callable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = classmethod(_alias_self)

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


# --- sets ------------------------------------------------------------------

def _contains_all(container, items):
    return all(item in container for item in items)


def _set_comparison(test):
    # Sets compare only with sets.
    def compare(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return test(self, other)
    return compare


class Set(Collection):
    """A finite, iterable container.

    Subclasses define __contains__, __iter__ and __len__ and get the
    comparisons (subset and superset), & | - ^ and isdisjoint.  Results are
    built by the classmethod _from_iterable (the constructor by default)."""

    __slots__ = ()

    __le__ = _set_comparison(lambda a, b: len(a) <= len(b) and _contains_all(b, a))
    __ge__ = _set_comparison(lambda a, b: len(a) >= len(b) and _contains_all(a, b))
    __lt__ = _set_comparison(lambda a, b: len(a) < len(b) and a.__le__(b))
    __gt__ = _set_comparison(lambda a, b: len(a) > len(b) and a.__ge__(b))
    __eq__ = _set_comparison(lambda a, b: len(a) == len(b) and a.__le__(b))

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def _as_set(self, other):
        # other as a Set (built with _from_iterable if it is only iterable),
        # or None if it is not even iterable.
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def isdisjoint(self, other):
        return not any(item in self for item in other)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for item in other if item in self)

    __rand__ = __and__

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for part in (self, other) for item in part)

    __ror__ = __or__

    def __sub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in self if item not in other)

    def __rsub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in other if item not in self)

    def __xor__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash for an immutable set, computed as frozenset's is: it does
        not depend on the order of iteration."""
        mask = 2 * sys.maxsize + 1
        h = 1927868237 * (len(self) + 1) & mask
        for item in self:
            spread = hash(item)
            spread = (spread ^ (spread << 16) ^ 89869747) * 3644798167
            h = (h ^ spread) & mask
        h ^= (h >> 11) ^ (h >> 25)
        h = (h * 69069 + 907133923) & mask
        if h > sys.maxsize:
            h -= mask + 1  # back to a signed machine word
        return 590923713 if h == -1 else h


class MutableSet(Set):
    """A set that changes: subclasses add add() and discard(), and get
    remove, pop, clear and the in-place operators."""

    __slots__ = ()

    @abstractmethod
    def discard(self, value):
        """Remove value if present (no error otherwise)."""
        raise NotImplementedError

    @abstractmethod
    def add(self, value):
        """Make value a member."""
        raise NotImplementedError

    def remove(self, value):
        """Remove an element; KeyError if it is not a member."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Remove and return some element; KeyError if the set is empty."""
        for value in self:
            self.discard(value)
            return value
        raise KeyError from None

    def clear(self):
        """Remove every element."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        for value in self._as_set(it):
            toggle = self.discard if value in self else self.add
            toggle(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


# --- mappings --------------------------------------------------------------

class Mapping(Collection):
    """A read-only mapping: subclasses define __getitem__, __iter__ and
    __len__, and get get, __contains__, keys, items, values and __eq__."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """The value for key if key is present, else default."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    # Mappings are not reversible by default, even though sequences whose
    # __getitem__ they resemble are.
    __reversed__ = None


class MappingView(Sized):
    __slots__ = ("_mapping",)
    __class_getitem__ = classmethod(_alias_self)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


def _plain_set(view_class, items):
    # Set operations on views give sets: a view cannot be built from items.
    return set(items)


class KeysView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])

    def __contains__(self, item):
        key, value = item
        try:
            present = self._mapping[key]
        except KeyError:
            return False
        return present is value or present == value


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(present is value or present == value for present in self)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


_MISSING = object()


def _pairs(source):
    # The (key, value) pairs of update()'s positional argument: a mapping,
    # an object with keys() and __getitem__, or an iterable of pairs.
    if isinstance(source, Mapping):
        for key in source:
            yield key, source[key]
    elif hasattr(source, "keys"):
        for key in source.keys():
            yield key, source[key]
    else:
        yield from source


class MutableMapping(Mapping):
    """A mapping that changes: subclasses add __setitem__ and __delitem__,
    and get pop, popitem, clear, update and setdefault."""

    __slots__ = ()

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    def pop(self, key, default=_MISSING):
        """Remove key and return its value; without the key, return default,
        or raise KeyError if none was given."""
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError if empty."""
        for key in self:
            break
        else:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Set the items of other (a mapping, an object with keys(), or an
        iterable of pairs), then the keyword arguments."""
        for key, value in _pairs(other):
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """The value of key; if key is absent, set it to default first."""
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


# --- sequences -------------------------------------------------------------

class Sequence(Reversible, Collection):
    """A read-only sequence: subclasses define __getitem__ and __len__, and
    get __iter__, __contains__, __reversed__, index and count."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        # Indexes up from 0 until IndexError, so __len__ is not needed.
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __contains__(self, value):
        return any(item is value or item == value for item in self)

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def index(self, value, start=0, stop=None):
        """The first index of value in [start:stop]; ValueError if absent."""
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        for position in range(start, sys.maxsize if stop is None else stop):
            try:
                item = self[position]
            except IndexError:
                break
            if item is value or item == value:
                return position
        raise ValueError

    def count(self, value):
        """How many items equal value."""
        return sum(1 for item in self if item is value or item == value)


class ByteString(Sequence):
    """The sequences of bytes: bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """A sequence that changes: subclasses add __setitem__, __delitem__ and
    insert, and get append, clear, reverse, extend, pop, remove and +=."""

    __slots__ = ()

    @abstractmethod
    def insert(self, index, value):
        """Insert value before index."""
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverse the items in place."""
        low, high = 0, len(self) - 1
        while low < high:
            self[low], self[high] = self[high], self[low]
            low += 1
            high -= 1

    def extend(self, values):
        """Append the items of values."""
        if values is self:
            values = list(values)  # would never end otherwise
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        """Remove the first item equal to value; ValueError if absent."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# --- the builtin types -----------------------------------------------------

def _register_builtins():
    iterators = [type(iter(b"")), list_iterator, tuple_iterator, str_iterator,
                 range_iterator, set_iterator, dict_keyiterator, dict_valueiterator,
                 dict_itemiterator, type(iter(reversed([]))), type(zip()),
                 type(map(len, ()))]
    callables = [type(len), type([].append), type(_a_generator),
                 type(Hashable.__subclasshook__)]
    table = [
        (Generator, [generator]),
        (Coroutine, [coroutine]),
        (AsyncGenerator, [async_generator]),
        (Iterator, iterators),
        (Sequence, [tuple, str, range]),
        (MutableSequence, [list, bytearray]),
        (Callable, callables),
        (Reversible, [dict, dict_keys, dict_values, dict_items]),
        (ByteString, [bytes, bytearray]),
        (Set, [frozenset]),
        (MutableSet, [set]),
        (KeysView, [dict_keys]),
        (ItemsView, [dict_items]),
        (ValuesView, [dict_values]),
        (MutableMapping, [dict]),
    ]
    for abc, members in table:
        for member in members:
            abc.register(member)
    try:
        Sequence.register(memoryview)
    except NameError:
        pass  # no memoryview in this build


_register_builtins()
