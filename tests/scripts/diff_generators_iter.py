# --- t32_generators ---
def countdown(n):
    while n > 0:
        got = yield n
        if got: n = got
        else: n -= 1
    return "done"
g = countdown(3)
print(next(g), g.send(5), next(g), list(g))
def delegate():
    r = yield from countdown(2)
    print("sub returned", r)
    yield "last"
print(list(delegate()))
def gen_throw():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
    yield 3
g = gen_throw(); print(next(g), g.throw(ValueError("x")), next(g))
def gen_close():
    try:
        yield 1
    finally:
        print("cleanup")
g = gen_close(); next(g); g.close(); print("closed")
g = gen_close(); print(list(g))
def inf():
    i = 0
    while True:
        yield i; i += 1
import itertools
print(list(itertools.islice(inf(), 5)), [x for x in itertools.takewhile(lambda x: x < 3, inf())])
gexp = (x * x for x in range(4))
print(next(gexp), sum(gexp), list(gexp))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([f for f, _ in zip(fib(), range(10))])
class Tree:
    def __init__(self, v, *kids): self.v = v; self.kids = kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
print(list(Tree(1, Tree(2, Tree(3)), Tree(4))))
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError", e)
g = countdown(1)
print(g.__name__, type(g).__name__, iter(g) is g)
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
def running():
    yield gi.gi_running
gi = running(); print(next(gi))
try:
    g2 = countdown(2); g2.send(1)
except TypeError as e:
    print(e)
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), max(It()), sorted(It(), reverse=True), dict.fromkeys(It()))
def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    sq = (e * e for e in evens)
    return list(sq)
print(pipeline())
def echo():
    received = []
    while True:
        x = yield received
        if x is None: break
        received.append(x)
e = echo(); next(e); e.send(1); print(e.send(2))
def gen_ret_in_finally():
    try:
        yield 1
    finally:
        yield 2
g = gen_ret_in_finally(); next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
print(list(zip(*[iter(range(6))] * 2)))
def g_exc():
    yield 1
    1 / 0
try:
    for v in g_exc():
        print("v", v)
except ZeroDivisionError as e:
    print("zde", e)

# --- t36_iter_protocols ---
class Range:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __reversed__(self): return iter(range(self.n - 1, -1, -1))
    def __len__(self): return self.n
    def __contains__(self, x): print("contains", x); return 0 <= x < self.n
r = Range(4)
print(list(r), list(reversed(r)), 2 in r, 9 in r, len(r), sorted(r, reverse=True), enumerate(r).__next__())
print(list(zip(r, r)), dict(zip(r, "abcd")), set(r) == {0, 1, 2, 3}, tuple(r), [*r], min(r), max(r))
class Lenless:
    def __getitem__(self, i):
        if i < 3: return chr(97 + i)
        raise IndexError(i)
print("".join(Lenless()), list(enumerate(Lenless())), "b" in Lenless(), list(reversed([*Lenless()])))
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self): print("enter", self.name); return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None); return False
with CM("a") as a, CM("b") as b:
    print("body", a, b)
try:
    with CM("c"):
        raise KeyError("x")
except KeyError:
    print("propagated")
with (CM("p1") as p1,
      CM("p2") as p2):
    print(p1, p2)
class BadCM:
    pass
try:
    with BadCM():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
for x in it:
    if x == 1:
        print("skip", next(it))
print(list(it))
d = {"a": 1, "b": 2}
it2 = iter(d.items())
print(next(it2), list(it2))
print(list(map(lambda *a: a, "ab", "cd", "ef")), list(filter(str.isupper, "aBcD")))
e = enumerate(["x", "y"], 5)
print(next(e), list(e))
z = zip("ab", [1, 2, 3])
print(list(z), list(z))
rv = reversed([1, 2, 3])
print(next(rv), list(rv), list(rv))
print(sum(range(10**6)), len(range(10**12)), range(10**12)[-1], 10**12 - 1 in range(10**12))
class Countdown:
    def __init__(self, start): self.cur = start
    def __iter__(self): return self
    def __next__(self):
        if self.cur <= 0: raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)])
def firstn(g, n):
    for i, v in enumerate(g):
        if i >= n: return
        yield v
print(list(firstn(iter(int, 1), 3)))
print(list(iter([]).__iter__()), hasattr(iter([]), "__next__"), callable(getattr(iter([]), "__length_hint__", None)))

# --- u07_generators_adv ---
def chunks(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(7), 3)))
def flatten(x):
    for e in x:
        if isinstance(e, (list, tuple)):
            yield from flatten(e)
        else:
            yield e
print(list(flatten([1, [2, (3, [4])], 5])))
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
g = accumulate(); next(g)
for v in [1, 2, 3]: print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def gen_with_return():
    x = yield 1
    return x * 2
def wrapper():
    result = yield from gen_with_return()
    yield f"inner returned {result}"
w = wrapper(); print(next(w), w.send(21))
import itertools
def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(list(itertools.islice(primes(), 10)))
gen = (x for x in range(3))
print(list(gen), list(gen))
def lazy_map(f, xs):
    for x in xs:
        print("computing", x)
        yield f(x)
m = lazy_map(lambda v: v * v, [1, 2, 3])
print("created")
print(next(m), next(m))
class Pipeline:
    def __init__(self, src): self.src = src
    def map(self, f): return Pipeline(f(x) for x in self.src)
    def filter(self, p): return Pipeline(x for x in self.src if p(x))
    def take(self, n): return list(itertools.islice(self.src, n))
print(Pipeline(itertools.count()).map(lambda x: x * 3).filter(lambda x: x % 2).take(4))
def g2():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("exit seen")
        raise
    finally:
        print("finally seen")
x = g2(); next(x); x.close(); print(x.gi_frame is None if hasattr(x, "gi_frame") else True)
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("got", e)
t = thrower(); next(t); t.throw(ValueError("a")); t.throw(ValueError("b"))
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("escaped", repr(e))
print(sum(i for i in range(100) if i % 7 == 0), max((len(w), w) for w in "a bb ccc".split()))

# --- u03_bank ---
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<Account #{self.id} {self.owner}: {self._balance}>"
    def __lt__(self, other):
        return self._balance < other._balance
class Savings(Account):
    rate = 0.03
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
accts = [Account("ann", 100), Savings("bob", 1000), Account("cy")]
accts[1].add_interest()
for a, amt in zip(accts, [50, 2000, 10]):
    try:
        a.withdraw(amt)
    except InsufficientFunds as e:
        print("failed:", e, e.needed - e.available)
print(sorted(accts), max(accts), min(accts).owner)
print([a.history for a in accts])
try:
    accts[0].balance = 5
except AttributeError as e:
    print(e)
try:
    accts[2].deposit(-5)
except ValueError as e:
    print(e)
print(isinstance(accts[1], Account), type(accts[1]).__name__, Savings.__mro__[1].__name__, vars(accts[2]))

