# --- t06_decorators ---
import functools
def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    """Say hi."""
    return f"hi {name}"
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__("y"))
def tag(label):
    def deco(cls):
        cls.label = label
        return cls
    return deco
@tag("T1")
@tag("T0")
class K: pass
print(K.label)
def log_calls(fn):
    def w(*a):
        print("call", fn.__name__, len(a))
        return fn(*a)
    return w
class S:
    @staticmethod
    @log_calls
    def st(x): return x * 2
    @classmethod
    def cm(cls, v): return (cls.__name__, v)
    @property
    @log_calls
    def p(self): return 5
print(S.st(4), S().cm(1), S.cm(2), S().p)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@functools.cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20))
class Timer:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@Timer
def add(a, b):
    "adds"
    return a + b
print(add(1, 2), add(3, 4), add.calls, add.__name__, add.__doc__)
def decorator_with_optional(fn=None, *, prefix=">"):
    if fn is None:
        return lambda f: decorator_with_optional(f, prefix=prefix)
    def w(): return prefix + fn()
    return w
@decorator_with_optional
def a(): return "a"
@decorator_with_optional(prefix="#")
def b(): return "b"
print(a(), b())
p = functools.partial(int, base=2)
print(p("1010"), p.func is int, p.args, p.keywords)
p2 = functools.partial(max, 1, 5)
print(p2(3), p2(10, key=lambda v: -v))
print(repr(functools.partial(pow, 2)).startswith("functools.partial(<built-in function pow>, 2)"))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
class Data:
    def __init__(self): self.n = 0
    @functools.cached_property
    def heavy(self):
        self.n += 1
        print("computing")
        return 42
d = Data()
print(d.heavy, d.heavy, d.n, "heavy" in d.__dict__)
del d.heavy
print(d.heavy, d.n)
@functools.singledispatch
def show(x): return f"obj {x}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list {len(x)}"
@show.register(str)
def _(x): return f"str {x}"
print(show(1), show([1, 2]), show("s"), show(2.5), show(True))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda q: q)[0].v)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
class Meth:
    def __init__(self): self.v = 3
    @functools.partialmethod
    def dummy(self): pass
import operator
print(list(map(operator.itemgetter(1), [(1, 2), (3, 4)])), operator.attrgetter("real")(5), operator.methodcaller("upper")("a"))
print(operator.itemgetter(0, 2)("abc"), operator.attrgetter("a.b") if False else "")

# --- u12_functools_more ---
import functools, operator, itertools
@functools.lru_cache(maxsize=128)
def ways(n, coins=(1, 5, 10, 25)):
    if n == 0: return 1
    if n < 0 or not coins: return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100), ways.cache_info().hits > 0, ways.__wrapped__.__name__)
@functools.lru_cache(typed=True)
def typed(x): return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)
def power(base, exp): return base ** exp
square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(4), cube(2), square.keywords, functools.partial(square, 3)())
print(list(map(functools.partial(operator.mul, 3), [1, 2, 3])))
class Circle:
    def __init__(self, r): self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return round(3.14159 * self.r ** 2, 2)
c = Circle(2); print(c.area, c.area)
@functools.singledispatch
def describe(x): return "unknown"
@describe.register(int)
@describe.register(float)
def _(x): return f"number {x}"
@describe.register(list)
def _(x): return f"list of {len(x)}: " + ", ".join(describe(i) for i in x)
print(describe(3), describe(2.5), describe([1, "a", [2]]), describe(None))
print(describe.registry.keys() >= {object, int, float, list}, describe.dispatch(bool).__name__)
class Dispatcher:
    @functools.singledispatchmethod
    def handle(self, arg): return "default"
    @handle.register
    def _(self, arg: int): return "int"
    @handle.register
    def _(self, arg: str): return "str"
print(Dispatcher().handle(1), Dispatcher().handle("s"), Dispatcher().handle(1.5))
print(functools.reduce(lambda acc, x: acc + [acc[-1] + x], [1, 2, 3], [0]))
print(functools.reduce(operator.mul, range(1, 11)), functools.reduce(max, [3, 9, 2]))
@functools.total_ordering
class Version:
    def __init__(self, s): self.parts = tuple(map(int, s.split(".")))
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __repr__(self): return "V" + ".".join(map(str, self.parts))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1")]
print(sorted(vs), max(vs), Version("2.0") >= Version("1.9"), Version("1.0") > Version("1.0"))
def my_decorator(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return f(*args, **kwargs)
    return wrapper
@my_decorator
def example(a: int) -> int:
    """Docstring of example."""
    return a
print(example.__name__, example.__doc__, example.__annotations__, example.__module__, example.__qualname__)
key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key), sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: -1 if a.lower() < b.lower() else 1)))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.starmap(operator.add, [(1, 2), (3, 4)])))

