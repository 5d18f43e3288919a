# Defects found by tools/difftest_features.py, with CPython's output.

# --- augmented assignment through a property: the site both loads (getter)
# and stores (setter), with and without __slots__, in a loop so the site's
# cache is warm.
class P:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        print("set", x)
        self._v = x

class S:
    __slots__ = ("_v", "plain")
    def __init__(self):
        self._v = 10
        self.plain = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x

p, s = P(), S()
for _ in range(3):
    p.v += 2
    s.v *= 3
    s.plain -= 1
print(p.v, s.v, s.plain)

class ReadOnly:
    @property
    def v(self):
        return 1
try:
    r = ReadOnly()
    r.v += 1
except AttributeError as e:
    print("AttributeError", e)

# --- a comprehension in a class body does not see the class's names: a
# name the class binds resolves to the enclosing function's variable.
def outer():
    x = "outer"
    class K:
        x = "class"
        y = [x for _ in range(2)]
        z = [x for x in "ab"]
        w = [(x, v) for v in [x]]
        n = [[x for _ in "a"] for _ in "b"]
    return K.y, K.z, K.w, K.n, K.x
print(outer())
x = "global"
class M:
    x = "class"
    y = [x for _ in range(1)]
    g = list(x for _ in range(1))
print(M.y, M.g)

# --- math.perm converts both arguments before checking either; without k
# it is factorial(n), with factorial's message.
import math
for args in [(-1,), (-1, float("inf")), (-1, 2), (3, -1), (5, 2), (5,)]:
    try:
        print(args, math.perm(*args))
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__, e)

# --- the wording of * and ** in displays and calls, and round() with an
# ndigits beyond 64 bits (clamped, as CPython clamps it to a C ssize_t).
def star_f(*a, **k): return a, k
tests = [
    lambda: [*1], lambda: (*None,), lambda: {*2.5}, lambda: star_f(*3), lambda: star_f(**4), lambda: {**5}, lambda: {**[1]},
    lambda: {**{1: 2}, **None}, lambda: star_f(**{1: 2}), lambda: star_f(*[1], **{'a': 1}, **{'a': 2}), lambda: dict(**{1: 2}),
    lambda: print(*5), lambda: max(*7), lambda: round(-(10**30), 10**20), lambda: round(7, 2**63),
    lambda: round(5.5, 10**20), lambda: round(5.5, -(10**20)), lambda: [*"ab", *range(2)], lambda: {**dict(a=1), 'b': 2},
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
