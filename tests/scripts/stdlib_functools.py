import functools
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def hello(x, y=2):
    "Say hello."
    return x + y
hello.extra = 1
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello(1), getattr(hello, "extra"))
def src(): pass
src.attr = "copied"
class Target: pass
t = Target()
functools.update_wrapper(t, src, assigned=("__name__", "__missing_attr__"), updated=("__dict__",))
print(t.__name__, t.attr, t.__wrapped__ is src)
def cmp(a, b): return (a > b) - (a < b)
K = functools.cmp_to_key(cmp)
print(sorted([3, 1, 2], key=K), K(1) < K(2), K(1) <= K(1), K(2) > K(1), K(2) >= K(3), K(1) == K(1), K(1) != K(2))
p = functools.partial(max, 3, key=abs)
print(p(-5, 1), p.func is max, p.args, p.keywords, repr(functools.partial(int, base=2)))
pp = functools.partial(p, 10)
print(pp.func is max, pp.args, pp.keywords, pp(-20))
class MyPartial(functools.partial): pass
print(repr(MyPartial(divmod, 7)).split(" at ")[0], MyPartial(divmod, 7)(2))
try:
    functools.partial(5)
except TypeError as e:
    print("TypeError", e)
print(functools.partial(dict, a=1)(a=2, b=3))
class C:
    def m(self, a, b): return (self.__class__.__name__, a, b)
    pm = functools.partialmethod(m, 1)
    @functools.cached_property
    def expensive(self):
        print("computing"); return 42
    @functools.singledispatchmethod
    def show(self, x): return "obj"
    @show.register
    def _(self, x: int): return "int"
c = C()
print(c.pm(2), repr(C.__dict__["pm"]).split(" at ")[0], c.expensive, c.expensive, c.show(1), c.show("s"))
@functools.lru_cache(maxsize=2)
def sq(x):
    print("call", x); return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info(), sq.cache_parameters())
@functools.lru_cache(typed=True)
def ident(x, **kw): return (x, kw)
print(ident(1), ident(1.0), ident(1, k=2), ident(1, k=2), ident.cache_info())
@functools.cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], "init"))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError", e)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2))
@functools.singledispatch
def kind(x): return "base"
@kind.register(list)
def _(x): return "list"
@kind.register
def _(x: str): return "str"
print(kind(1), kind([1]), kind("a"), kind.dispatch(list).__name__, sorted(t.__name__ for t in kind.registry))
class NoDict:
    __slots__ = ()
    @functools.cached_property
    def p(self): return 1
try:
    NoDict().p
except TypeError as e:
    print("TypeError", e)
