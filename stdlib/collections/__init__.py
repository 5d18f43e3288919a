"""Container datatypes: namedtuple, deque, defaultdict, OrderedDict, Counter,
ChainMap, UserDict, UserList, UserString."""

from _tulip import c_type as _c_type
import _collections_abc
import sys as _sys
from operator import itemgetter as _itemgetter, eq as _eq
from itertools import chain as _chain, repeat as _repeat

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "UserString", "defaultdict", "deque", "namedtuple"]

_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif "
    "else except finally for from global if import in is lambda nonlocal not or "
    "pass raise return try while with yield".split())


def _recursive_repr(fillvalue="..."):
    """Decorator for __repr__ methods: a recursive call returns `fillvalue`."""
    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        wrapper.__name__ = getattr(user_function, "__name__", "__repr__")
        wrapper.__qualname__ = getattr(user_function, "__qualname__", "__repr__")
        wrapper.__doc__ = getattr(user_function, "__doc__", None)
        wrapper.__wrapped__ = user_function
        return wrapper
    return decorating_function


################################################################################
# namedtuple
################################################################################

class _tuplegetter:
    # The field accessor of a namedtuple: read-only, by index.
    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith("_") or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")

    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ", ".join(field_names)
    if num_fields == 1:
        arg_list += ","
    params = []
    first_default = num_fields - len(field_defaults)
    for i, name in enumerate(field_names):
        params.append(f"{name}=_dflt[{i - first_default}]" if i >= first_default else name)
    # __new__ is compiled so that argument errors read exactly as CPython's:
    # "Point.__new__() missing 1 required positional argument: 'y'".
    ns = {"_tuple_new": tuple.__new__, "_dflt": defaults or ()}
    source = (f"class {typename}:\n"
              f"    def __new__(_cls, {', '.join(params)}):\n"
              f"        return _tuple_new(_cls, ({arg_list}))\n")
    exec(source, ns)
    __new__ = ns[typename].__dict__["__new__"]
    if isinstance(__new__, staticmethod):
        __new__ = __new__.__func__
    __new__.__doc__ = f"Create new instance of {typename}({arg_list.rstrip(',')})"

    _len = len
    _tuple = tuple

    @classmethod
    def _make(cls, iterable):
        result = _tuple.__new__(cls, iterable)
        if _len(result) != num_fields:
            raise TypeError(f"Expected {num_fields} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    repr_fmt = "(" + ", ".join(f"{name}=%r" for name in field_names) + ")"

    def __repr__(self):
        return self.__class__.__name__ + repr_fmt % tuple(self)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return _tuple(self)

    for method in (_replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f"{typename}.{method.__name__}"

    class_namespace = {
        "__doc__": f"{typename}({arg_list.rstrip(',')})",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": field_defaults,
        "__new__": staticmethod(__new__),
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, f"Alias for field number {index}")

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    class_namespace["__module__"] = module
    result = type(typename, (tuple,), class_namespace)
    return result


################################################################################
# deque
################################################################################

_EMPTY = object()


@_c_type
class deque:
    """A list-like sequence with fast appends and pops at both ends.

    Stored as two lists: `_left` holds the front elements in reverse order,
    `_right` the rest in order, so both ends are amortised O(1)."""

    __slots__ = ("_left", "_right", "_maxlen", "__weakref__")

    def __init__(self, iterable=_EMPTY, maxlen=None):
        if maxlen is not None:
            maxlen = maxlen.__index__() if not isinstance(maxlen, int) else maxlen
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._left = []
        self._right = []
        if iterable is not _EMPTY:
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left) or bool(self._right)

    def _items(self):
        if self._left:
            return self._left[::-1] + self._right
        return self._right[:]

    def _reset(self, items):
        self._left = []
        self._right = items

    def append(self, x):
        self._right.append(x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        self._left.append(x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.pop()

    def pop(self):
        if self._right:
            return self._right.pop()
        left = self._left
        if not left:
            raise IndexError("pop from an empty deque")
        # Move half of the front to the back.
        half = (len(left) + 1) // 2
        self._right = left[:half][::-1]
        self._left = left[half:]
        return self._right.pop()

    def popleft(self):
        if self._left:
            return self._left.pop()
        right = self._right
        if not right:
            raise IndexError("pop from an empty deque")
        half = (len(right) + 1) // 2
        self._left = right[:half][::-1]
        self._right = right[half:]
        return self._left.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        if self._maxlen is None:
            self._right.extend(iterable)
            return
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._left = []
        self._right = []

    def copy(self):
        return self.__class__(self._items(), self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items().count(x)

    def index(self, x, start=0, stop=None):
        items = self._items()
        try:
            if stop is None:
                return items.index(x, start)
            return items.index(x, start, stop)
        except ValueError:
            raise ValueError(f"{x!r} is not in deque") from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._items()
        items.insert(i, x)
        self._reset(items)

    def remove(self, value):
        items = self._items()
        try:
            items.remove(value)
        except ValueError:
            raise ValueError(f"{value!r} is not in deque") from None
        self._reset(items)

    def reverse(self):
        self._left, self._right = self._right, self._left

    def rotate(self, n=1):
        length = len(self)
        if length <= 1:
            return
        n %= length
        if n == 0:
            return
        items = self._items()
        self._reset(items[-n:] + items[:-n])

    def _index(self, i):
        if not isinstance(i, int):
            if hasattr(type(i), "__index__"):
                i = i.__index__()
            else:
                raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        i = self._index(i)
        nl = len(self._left)
        if i < nl:
            return self._left[nl - 1 - i]
        return self._right[i - nl]

    def __setitem__(self, i, value):
        i = self._index(i)
        nl = len(self._left)
        if i < nl:
            self._left[nl - 1 - i] = value
        else:
            self._right[i - nl] = value

    def __delitem__(self, i):
        i = self._index(i)
        items = self._items()
        del items[i]
        self._reset(items)

    def __contains__(self, x):
        return x in self._right or x in self._left

    def __iter__(self):
        return iter(self._items())

    def __reversed__(self):
        return reversed(self._items())

    @_recursive_repr("[...]")
    def _repr_items(self):
        return repr(self._items())

    def __repr__(self):
        name = type(self).__name__
        if self._maxlen is None:
            return f"{name}({self._repr_items()})"
        return f"{name}({self._repr_items()}, maxlen={self._maxlen})"

    __hash__ = None

    def _cmp_items(self, other):
        if not isinstance(other, deque):
            return None
        return self._items(), other._items()

    def __eq__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] >= p[1]

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return self.__class__(self._items() + other._items(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return self.__class__(self._items() * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items() * n
        if self._maxlen is not None and len(items) > self._maxlen:
            items = items[len(items) - self._maxlen:]
        self._reset(items)
        return self

    def __reduce__(self):
        return (self.__class__, (self._items(), self._maxlen))

    def __class_getitem__(cls, item):
        return cls


################################################################################
# defaultdict
################################################################################

@_c_type
class defaultdict(dict):
    """A dict that calls `default_factory` to supply missing values."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    @_recursive_repr()
    def __repr__(self):
        return f"{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


################################################################################
# OrderedDict
################################################################################

_MISSING = object()  # default for "no default given"


@_c_type
class OrderedDict(dict):
    """A dict that remembers insertion order, with order-sensitive equality,
    move_to_end and popitem(last=)."""

    def __init__(self, other=(), /, **kwds):
        dict.__init__(self)
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if isinstance(other, dict) or hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        if key not in self:
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def pop(self, key, default=_MISSING):
        if key not in self:
            if default is _MISSING:
                raise KeyError(key)
            return default
        return dict.pop(self, key)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    @_recursive_repr()
    def __repr__(self):
        name = type(self).__name__
        return f"{name}({list(self.items())!r})" if self else f"{name}()"

    def __reduce__(self):
        return self.__class__, (), None, None, iter(self.items())

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __eq__(self, other):
        # Between two OrderedDicts the order counts too.
        same_items = dict.__eq__(self, other)
        if same_items is NotImplemented or not isinstance(other, OrderedDict):
            return same_items
        return same_items and all(map(_eq, self, other))

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __or__(self, other):
        return _merged(self.__class__, self, other)

    def __ror__(self, other):
        return _merged(self.__class__, other, self)

    def __ior__(self, other):
        self.update(other)
        return self


def _merged(make, first, second):
    # first | second for dict subclasses: a copy of first updated by second.
    if not isinstance(first, dict) or not isinstance(second, dict):
        return NotImplemented
    result = make(first)
    result.update(second)
    return result


################################################################################
# Counter
################################################################################

def _positive_pointwise(combine, both_sides=True):
    """A Counter operator: the counts combine(self[e], other[e]) that are
    positive, for the elements of self (then those only in other)."""
    def operator(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        elems = list(self)
        if both_sides:
            elems += [elem for elem in other if elem not in self]
        result = Counter()
        for elem in elems:
            count = combine(self[elem], other[elem])
            if count > 0:
                result[elem] = count
        return result
    return operator


def _every_count(test):
    """A Counter comparison: test holds for the counts of every element of
    either side (missing elements count 0)."""
    def compare(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(test(self[elem], other[elem]) for elem in _chain(self, other))
    return compare


class Counter(dict):
    """Dict subclass for counting hashable items (a multiset): elements are
    keys, counts are values, and a missing element counts 0.

    >>> Counter('abracadabra').most_common(2)
    [('a', 5), ('b', 2)]
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0  # and the key is not inserted

    def total(self):
        """Sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common elements and their counts, most common first
        (all of them when n is None); equal counts keep insertion order."""
        ranked = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        """An iterator over the elements, each repeated as often as it counts
        (elements counting less than one are left out)."""
        for elem, count in self.items():
            for _ in _repeat(None, count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        # Counter(iterable) is the meaningful spelling.
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per element of an
        iterable, then from the keyword arguments."""
        if isinstance(iterable, _collections_abc.Mapping):
            if self:
                for elem, count in iterable.items():
                    self[elem] = count + self.get(elem, 0)
            else:
                dict.update(self, iterable)  # nothing to add to
        elif iterable is not None:
            self._count_each(iterable, 1)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts, like update() adds them; counts may go to zero
        or below."""
        if isinstance(iterable, _collections_abc.Mapping):
            for elem, count in iterable.items():
                self[elem] = self.get(elem, 0) - count
        elif iterable is not None:
            self._count_each(iterable, -1)
        if kwds:
            self.subtract(kwds)

    def _count_each(self, elements, step):
        for elem in elements:
            self[elem] = self.get(elem, 0) + step

    def copy(self):
        """A shallow copy."""
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        # Deleting an absent element is allowed: it already counts 0.
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f"{name}()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)  # counts that do not order
        return f"{name}({shown!r})"

    # Multiset comparisons and arithmetic.  Results keep positive counts only.

    __eq__ = _every_count(lambda mine, theirs: mine == theirs)
    __le__ = _every_count(lambda mine, theirs: mine <= theirs)
    __ge__ = _every_count(lambda mine, theirs: mine >= theirs)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    __add__ = _positive_pointwise(lambda mine, theirs: mine + theirs)
    __sub__ = _positive_pointwise(lambda mine, theirs: mine - theirs)
    __or__ = _positive_pointwise(lambda mine, theirs: theirs if mine < theirs else mine)
    __and__ = _positive_pointwise(lambda mine, theirs: mine if mine < theirs else theirs,
                                  both_sides=False)

    def __pos__(self):
        return Counter({elem: count for elem, count in self.items() if count > 0})

    def __neg__(self):
        return Counter({elem: 0 - count for elem, count in self.items() if count < 0})

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            if other[elem] < count:
                self[elem] = other[elem]
        return self._keep_positive()


################################################################################
# ChainMap
################################################################################

class ChainMap(_collections_abc.MutableMapping):
    """A view of several mappings as one: lookups search them in order,
    writes and deletions go to the first (`maps[0]`).

    The mappings stay separate and live: `maps` is a public list."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                # Not `key in mapping`: a defaultdict supplies missing keys.
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # Each key once, in the order the first mapping to define it...
        # searched from the last mapping, so the earlier ones' order wins.
        order = {}
        for mapping in reversed(self.maps):
            order.update(dict.fromkeys(mapping))
        return iter(order)

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return f"{self.__class__.__name__}({', '.join(map(repr, self.maps))})"

    @classmethod
    def fromkeys(cls, iterable, *args):
        """A ChainMap of one new dict with keys from iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """A new ChainMap with a copy of maps[0] and the same other maps."""
        first, *rest = self.maps
        return self.__class__(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (default: a new dict, updated with kwargs)
        in front of these maps."""
        child = kwargs if m is None else m
        if m is not None and kwargs:
            child.update(kwargs)
        return self.__class__(child, *self.maps)

    @property
    def parents(self):
        """A new ChainMap of every map but the first."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def _first_map_error(self, key):
        return KeyError(f"Key not found in the first mapping: {key!r}")

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise self._first_map_error(key)

    def popitem(self):
        """Remove and return a pair from maps[0]; KeyError if it is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        """Remove key from maps[0] and return its value (or the default)."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise self._first_map_error(key)

    def clear(self):
        """Empty maps[0]."""
        self.maps[0].clear()

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return self.__class__(merged)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


################################################################################
# UserDict, UserList, UserString
################################################################################

def _copy_with_data(obj, data):
    # copy.copy(obj), but with `data` in place of obj.data: keeps the other
    # attributes of a subclass instance.
    twin = obj.__class__.__new__(obj.__class__)
    twin.__dict__.update(obj.__dict__)
    twin.__dict__["data"] = data
    return twin


class UserDict(_collections_abc.MutableMapping):
    """A dict wrapper meant for subclassing: the dict is the attribute `data`,
    and every mapping operation goes through the methods here."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __getitem__(self, key):
        if key not in self.data:
            missing = getattr(self.__class__, "__missing__", None)
            if missing is None:
                raise KeyError(key)
            return missing(self, key)
        return self.data[key]

    def get(self, key, default=None):
        return self[key] if key in self else default

    # The rest forwards to the dict.

    def __contains__(self, key):
        return key in self.data

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        theirs = _unwrap_dict(other)
        if theirs is None:
            return NotImplemented
        return self.__class__(self.data | theirs)

    def __ror__(self, other):
        theirs = _unwrap_dict(other)
        if theirs is None:
            return NotImplemented
        return self.__class__(theirs | self.data)

    def __ior__(self, other):
        self.data |= other.data if isinstance(other, UserDict) else other
        return self

    def __copy__(self):
        return _copy_with_data(self, self.data.copy())

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        twin = _copy_with_data(self, {})
        twin.update(self)
        return twin

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


def _unwrap_dict(other):
    # The dict behind a UserDict or dict operand, None for other types.
    if isinstance(other, UserDict):
        return other.data
    return other if isinstance(other, dict) else None


def _list_comparison(compare):
    def method(self, other):
        return compare(self.data, other.data if isinstance(other, UserList) else other)
    return method


class UserList(_collections_abc.MutableSequence):
    """A list wrapper meant for subclassing: the list is the attribute `data`."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    __lt__ = _list_comparison(lambda mine, theirs: mine < theirs)
    __le__ = _list_comparison(lambda mine, theirs: mine <= theirs)
    __eq__ = _list_comparison(lambda mine, theirs: mine == theirs)
    __gt__ = _list_comparison(lambda mine, theirs: mine > theirs)
    __ge__ = _list_comparison(lambda mine, theirs: mine >= theirs)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        found = self.data[i]
        return self.__class__(found) if isinstance(i, slice) else found

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def _as_list(self, other):
        # The other operand of + and +=, as a list.
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other):
        return self.__class__(self.data + self._as_list(other))

    def __radd__(self, other):
        return self.__class__(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __imul__(self, n):
        self.data *= n
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __copy__(self):
        return _copy_with_data(self, self.data[:])

    def copy(self):
        return self.__class__(self)

    def extend(self, other):
        self.data.extend(other.data if isinstance(other, UserList) else other)

    # The rest forwards to the list, in alphabetical order.

    def __iter__(self):
        return iter(self.data)

    def append(self, item):
        self.data.append(item)

    def clear(self):
        self.data.clear()

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)


def _string_data(value):
    # The str behind a UserString operand; other values as they are.
    return value.data if isinstance(value, UserString) else value


class UserString(_collections_abc.Sequence):
    """A str wrapper meant for subclassing: the str is the attribute `data`.
    String methods are looked up on it, and results that are str come back
    wrapped in the subclass."""

    def __init__(self, seq):
        self.data = seq.data if isinstance(seq, UserString) else str(seq)

    def __hash__(self):
        return hash(self.data)

    def __eq__(self, string):
        return self.data == _string_data(string)

    def __lt__(self, string):
        return self.data < _string_data(string)

    def __contains__(self, char):
        return _string_data(char) in self.data

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        return self.__class__(self.data + (other.data if isinstance(other, UserString) else str(other)))

    def __mul__(self, n):
        return self.__class__(self.data * n)

    # Conversions.

    def __float__(self):
        return float(self.data)

    def __int__(self):
        return int(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return repr(self.data)

    def __str__(self):
        return str(self.data)

    # Sequence's mixins would search item by item; str searches substrings.

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(_string_data(sub), start, end)

    def count(self, sub, start=0, end=_sys.maxsize):
        return self.data.count(_string_data(sub), start, end)

    def __getattr__(self, name):
        attr = getattr(self.data, name)
        if callable(attr):
            def method(*args, **kwargs):
                result = attr(*args, **kwargs)
                return self.__class__(result) if isinstance(result, str) else result
            return method
        return attr
