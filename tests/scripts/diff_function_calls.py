def f(a, b, /, c, *, d, e=5): pass
def g(*args, **kwargs): return args, kwargs
def h(x, y=2): pass
class C:
    def m(self, a): pass
    def __init__(self, q): pass
tests = [
    lambda: f(1, 2, 3), lambda: f(1, 2), lambda: f(1, 2, 3, 4, d=1), lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, d=4, z=1),
    lambda: h(), lambda: h(1, 2, 3), lambda: h(1, x=1), lambda: h(y=1), lambda: h(1, 2, y=3), lambda: C(), lambda: C(1, 2),
    lambda: C(1).m(), lambda: C(1).m(1, 2), lambda: C.m(1), lambda: g(**{"a": 1}, a=2), lambda: h(*[1, 2, 3]),
    lambda: (lambda: 0)(1), lambda: (lambda a, *, b: 0)(1, 2), lambda: f(1, 2, c=3), lambda: h(z=1, w=2),
]
for t in tests:
    try:
        t()
        print("ok")
    except TypeError as e:
        print(e)
def rec(n): return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(g(1, *[2, 3], k=1, **{"z": 2}), f.__name__, f.__defaults__, f.__kwdefaults__, h.__defaults__)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
def annotated(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> None: pass
print(annotated.__annotations__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, outer().__name__, (lambda: 0).__name__, repr(outer.__doc__))
f.custom = 5; print(f.custom, f.__dict__)
import inspect
print(inspect.signature(f), inspect.signature(annotated), inspect.signature(g), list(inspect.signature(h).parameters))
