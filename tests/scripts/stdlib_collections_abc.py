from collections.abc import *
import collections.abc as cabc
class It:
    def __iter__(self): return iter([1])
class NoHash:
    __hash__ = None
class Sz:
    def __len__(self): return 3
class Gen:
    def __iter__(self): return self
    def __next__(self): return 1
    def send(self, v): return v
    def throw(self, *a): raise a[0]
    def close(self): pass
print(issubclass(It, Iterable), issubclass(It, Iterator), issubclass(NoHash, Hashable), issubclass(int, Hashable))
print(issubclass(Sz, Sized), issubclass(Gen, Generator), issubclass(Gen, Iterator), isinstance(len, Callable), isinstance(lambda: 0, Callable))
print(isinstance([], MutableSequence), isinstance((), Sequence), isinstance("", Sequence), isinstance({}, MutableMapping), isinstance(set(), MutableSet), isinstance(frozenset(), Set))
print(isinstance({}.keys(), KeysView), isinstance({}.items(), ItemsView), isinstance({}.values(), ValuesView), isinstance(iter([]), Iterator), isinstance((x for x in []), Generator))
print(isinstance(b"", ByteString), isinstance(range(3), Sequence), isinstance({}, Reversible), isinstance(zip(), Iterator), isinstance(3, Container), isinstance("", Collection))
print(Iterable.__module__, repr(Sized))
class Coll:
    __slots__ = ()
print(issubclass(Coll, Collection))
class MySet(MutableSet):
    def __init__(self, it=()): self.d = dict.fromkeys(it)
    def __contains__(self, x): return x in self.d
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
    def add(self, x): self.d[x] = None
    def discard(self, x): self.d.pop(x, None)
    def __repr__(self): return f"MySet({list(self.d)})"
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, b - [3], [5, 2] - a, a & [1, 9], [1, 9] & a, a | [7])
print(a <= b, a < MySet([1, 2, 3, 4]), a >= MySet([1]), a > a, a == MySet([3, 2, 1]), a != b, a.isdisjoint([7, 8]), a.isdisjoint([3]))
print(a.__le__(5), a == {1, 2, 3}, a._hash() == frozenset([1, 2, 3]).__hash__(), MySet()._hash() == hash(frozenset()))
c = MySet([1, 2])
c |= [5]; print(c); c &= [1, 5, 9]; print(c); c ^= [1, 7]; print(c); c -= [7]; print(c)
c ^= c; print(c)
c = MySet([4, 5]); c -= c; print(c)
c = MySet([1]); c.remove(1)
for op in [lambda: c.remove(1), lambda: c.pop()]:
    try:
        op()
    except KeyError as e:
        print("KeyError", e.args)
c = MySet("abc"); print(c.pop(), c); c.clear(); print(c)
class MyMap(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap()
m.update({"a": 1}, b=2); m.update([("c", 3)]); m.update(MyMap())
class KeysOnly:
    def keys(self): return ["z"]
    def __getitem__(self, k): return k * 2
m.update(KeysOnly())
print(dict(m), m.get("a"), m.get("q", 0), "a" in m, "q" in m, repr(m.keys()).startswith("KeysView(<__main__.MyMap object at "), list(m.items()), list(m.values()))
print(m.pop("a"), m.pop("q", None), m.setdefault("b", 9), m.setdefault("n", 5), m.popitem(), len(m), m == {"c": 3, "z": "zz", "n": 5}, m == 5)
print(("c", 3) in m.items(), ("c", 4) in m.items(), ("x", 1) in m.items(), 3 in m.values(), m.keys() & {"c", "q"}, sorted(m.items() | {("0", 0)}))
try:
    m.pop("nope")
except KeyError as e:
    print("KeyError", e)
m.clear(); print(len(m))
try:
    m.popitem()
except KeyError as e:
    print("KeyError", e.args)
print(reversed(m) if Mapping.__reversed__ else None)
class MySeq(MutableSequence):
    def __init__(self, it=()): self.l = list(it)
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
s = MySeq("abcab")
print(list(s), list(reversed(s)), "c" in s, "z" in s, s.index("b"), s.index("a", 1), s.index("b", -2), s.count("a"))
for args in [("z",), ("c", 0, 2), ("a", -1, -1)]:
    try:
        s.index(*args)
    except ValueError:
        print("ValueError", args)
s.append("d"); s.reverse(); print(s.l); s.extend("xy"); s.extend(s); print(s.l)
print(s.pop(), s.pop(0), s.l); s.remove("a"); s += ["!"]; print(s.l); s.clear(); print(s.l)
class Bad(Hashable):
    pass
try:
    Bad()
except TypeError as e:
    print("TypeError", e)
class Sub(Iterable):
    def __iter__(self): return super().__iter__()
print(list(Sub()), Sized.__len__(None), Container.__contains__(None, 1), Hashable.__hash__(None))
def g(): yield 1
class MyGen(Generator):
    def send(self, v): raise StopIteration
    def throw(self, typ, val=None, tb=None): return super().throw(typ, val, tb)
gg = MyGen()
print(list(gg), gg.close())
try:
    gg.throw(ValueError, ValueError("thrown"))
except ValueError as e:
    print("ValueError", e)
class Stubborn(Generator):
    def send(self, v): return 1
    def throw(self, *a): return 2
try:
    Stubborn().close()
except RuntimeError as e:
    print("RuntimeError", e)
