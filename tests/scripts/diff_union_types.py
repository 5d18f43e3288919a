def f(x: int | None = None) -> list[int] | None:
    return x
print(f(3), f.__annotations__)
print(int | str, int | None, None | int, int | int, list[int] | None, (int | str) == (str | int), hash(int | str) == hash(str | int))
print(isinstance(3, int | str), issubclass(bool, int | str), isinstance(None, int | None), type(int | str), (int | str).__args__)
import typing
print(typing.get_args(int | str), typing.Optional[int] | str, int | typing.List[int])
x = None
try:
    x += 1
except TypeError as e: print(e)
try:
    x **= 1
except TypeError as e: print(e)
s = {1}
try:
    s |= [1]
except TypeError as e: print(e)
l = [1]
try:
    l *= 2.0
except TypeError as e: print(e)
i = 2**62
i += 2**62
print(i)
print(list[int] == list[int], list[int] == list[str], {list[int]: 1}[list[int]])
try:
    isinstance(3, list[int] | None)
except TypeError as e: print(e)
class Up(str):
    pass
u = Up("HI")
print(hash(u) == hash("HI"), "HI" in {u: 1}, u in {"HI": 1}, {u: 1}.get("HI"), {"HI": 2}.get(u), u == "HI")
class MyInt(int): pass
print({MyInt(5): 1}.get(5), {5: 1}.get(MyInt(5)), 5 in {MyInt(5)})
def f(**kw): pass
for call in [lambda: f(**{"x": 1}, **{"x": 2}), lambda: f(**5), lambda: print(*5), lambda: f(**{1: 2}), lambda: dict(**{"a": 1}, **{"a": 2})]:
    try: call()
    except TypeError as e: print(e)
try:
    a, b = 1
except TypeError as e: print(e)
try:
    a, *b = None
except TypeError as e: print(e)
try:
    for x, y in [1]: pass
except TypeError as e: print(e)
class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
class M(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return D()
    def __new__(mcs, name, bases, ns):
        print(type(ns).__name__)
        return super().__new__(mcs, name, bases, dict(ns))
class C(metaclass=M):
    x = 1
    def f(self): pass
    y = x + 1
print(C.y)
class A:
    class B:
        def m(self): pass
print(sorted(k for k in A.__dict__ if k not in ("__dict__", "__weakref__")), A.__qualname__, A.B.__qualname__, A.B.m.__qualname__, A.__doc__)
try:
    A().__qualname__
except AttributeError as e:
    print(e)
A.__qualname__ = "Renamed"
print(A.__qualname__, repr(A))
class D:
    "doc"
print(D.__doc__, D().__doc__, vars(D)["__doc__"])
class E(D): pass
print(E.__doc__)
