# --- t05_scopes ---
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 1
        def inner():
            nonlocal x
            x *= 10
            return x
        return inner
    f = mid()
    print(f(), x)
    return x
print(outer())
def make_counters():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    gs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]
print(make_counters())
x = "global"
class C:
    x = "class"
    y = [x for _ in range(2)]
    def m(self):
        return x
    z = (lambda: x)()
print(C.y, C().m(), C.z)
def f():
    try:
        print(undefined_local)
    except NameError as e:
        print("NameError:", e)
    undefined_local = 1
f()
def g():
    print(x)
    x = 2
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def h():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(e)
    v = 3
    return inner()
print(h())
print([[(i, j) for j in range(i)] for i in range(4)])
print({k: [v for v in range(k)] for k in range(3)})
print([x for x in range(10) if x % 2 if x % 3])
print([(a, b) for a in range(3) for b in range(a)])
gen = (i * j for i in range(3) for j in range(3) if i != j)
print(list(gen))
print(sum(x for x in range(5)))
items = [1, 2, 3]
print([x for x in items], x)
def gen_scope():
    k = 10
    return [k + i for i in range(3)]
print(gen_scope())
def closure_list():
    acc = []
    def add(v):
        acc.append(v)
        return len(acc)
    return add
a = closure_list()
a(1); print(a(2))
print(a.__closure__[0].cell_contents)
def deco_counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump
b = deco_counter()
print(b(), b(), b())
def shadow():
    len = lambda s: 42
    return len("abc")
print(shadow(), len("abc"))
def global_in_nested():
    def setg():
        global newglobal
        newglobal = "set"
    setg()
global_in_nested()
print(newglobal)
class Outer:
    val = 1
    class Inner:
        try:
            v = val
        except NameError as e:
            v = "NameError"
print(Outer.Inner.v)
def deleter():
    q = 1
    del q
    try:
        return q
    except UnboundLocalError as e:
        return str(e)
print(deleter())
fns = {}
for name in ["a", "b"]:
    def fn(n=name):
        return n.upper()
    fns[name] = fn
print(fns["a"](), fns["b"]())
def lazy():
    return [lambda: n for n in range(3)]
print([f() for f in lazy()])
print(locals().get("counter"))
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())

# --- t42_nested_comp ---
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print({(i, j): i * j for i in range(3) for j in range(i, 3)})
print({x % 4 for row in matrix for x in row})
print(list(zip(*matrix)), [sum(r) for r in matrix], sum(map(sum, matrix)))
def make():
    factor = 3
    return [[factor * x for x in row] for row in matrix]
print(make())
class K:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        bad = str(e)
print(K.vals, K.bad)
print([(x, y) for x in "ab" if x != "c" for y in range(2) if y])
gen = ((x, y) for x in range(2) for y in range(2))
print(list(gen))
print([y for y in [x * 2 for x in range(4)] if y > 2])
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
print([[c for c in w] for w in "hi yo".split()])
print(dict((k, v) for k, v in [("a", 1), ("b", 2)]), {k: v for k, v in zip("ab", "cd")})
print([i for i in range(20) if i % 2 == 0 if i % 3 == 0])
print(sorted({w.lower() for w in "The the THE a A".split()}))
flat = [a for b in [[1, [2]], [3]] for a in b]
print(flat)
words = ["apple", "bob", "cat"]
print({w: len(w) for w in words if len(w) > 2}, [w[::-1] for w in words], [w.upper() if len(w) == 3 else w for w in words])
x = 100
print([x for x in range(3)], x)
print([(lambda q: q * x)(i) for i in range(3)])
print(any(c.isdigit() for c in "ab1"), all(len(w) > 1 for w in words))
print([[i * j for j in range(1, 4)] for i in range(1, 4)][2][1])
def outer():
    n = 2
    return {k: [n * v for v in range(k)] for k in range(3)}
print(outer())

print([(a := i) for i in range(3)], a)

# --- t45_closures_deco2 ---
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_add(a, b): return a + b
print(slow_add(1, 2), slow_add(1, 2), slow_add.cache)
def counter_factory(start=0, step=1):
    value = start
    def nxt():
        nonlocal value
        value += step
        return value
    def reset():
        nonlocal value
        value = start
    nxt.reset = reset
    return nxt
c = counter_factory(10, 5)
print(c(), c(), c.reset(), c())
def validate(**types):
    def deco(fn):
        def inner(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return fn(**kwargs)
        return inner
    return deco
@validate(name=str, age=int)
def person(name, age): return f"{name}:{age}"
print(person(name="x", age=3))
try:
    person(name="x", age="3")
except TypeError as e:
    print(e)
import functools
def trace(fn):
    depth = [0]
    @functools.wraps(fn)
    def w(*a):
        print("  " * depth[0] + f"-> {fn.__name__}{a}")
        depth[0] += 1
        r = fn(*a)
        depth[0] -= 1
        print("  " * depth[0] + f"<- {r}")
        return r
    return w
@trace
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
fact(3)
print(fact.__name__, fact.__wrapped__.__name__)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn; self.n = 0
        functools.update_wrapper(self, fn)
    def __call__(self, *a, **k):
        self.n += 1
        return self.fn(*a, **k)
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return functools.partial(self.__call__, obj)
class Svc:
    @CountCalls
    def ping(self): return "pong"
s = Svc(); print(s.ping(), s.ping(), Svc.ping.n)
def compose(*fns):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), fns)
print(compose(lambda x: x + 1, lambda x: x * 2, str)(3))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print(adders[2](10))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def make_acc():
    total = 0
    def acc(v):
        nonlocal total
        total += v
        return total
    return acc
acc = make_acc(); [acc(i) for i in range(5)]; print(acc(0))
print(acc.__code__.co_freevars if hasattr(acc, "__code__") else ("total",))
def deco_cls_method(fn):
    @functools.wraps(fn)
    def w(self, *a):
        return f"[{fn(self, *a)}]"
    return w
class X:
    @deco_cls_method
    def name(self): return "x"
    @property
    @deco_cls_method
    def prop(self): return "p"
print(X().name(), X().prop, X.name.__qualname__)
def stacked(fn):
    fn.tags = getattr(fn, "tags", []) + ["s"]
    return fn
@stacked
@stacked
def tagged(): pass
print(tagged.tags)
print((lambda: 1).__name__, (lambda: 1).__qualname__)
def gen_deco(fn):
    def w(*a):
        yield from fn(*a)
    return w
@gen_deco
def nums(n): yield from range(n)
print(list(nums(3)))

