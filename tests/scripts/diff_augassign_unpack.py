# --- t01_augassign ---
class Box:
    def __init__(self):
        self.v = 1
        self.items = [1, 2, 3, 4, 5]
        self.d = {"a": 1}

b = Box()
b.v += 5
b.v *= 3
b.v //= 4
b.v **= 2
b.v %= 7
b.v <<= 3
b.v >>= 1
b.v |= 0x100
b.v &= 0x1F0
b.v ^= 0xFF
print(b.v)
b.items[0] += 10
b.items[-1] -= 1
b.items[1:3] += [9]  # actually slice aug-assign
print(b.items)
b.d["a"] += 41
b.d.setdefault("b", []).append(3)
print(b.d)
x = [1, 2, 3, 4, 5, 6, 7, 8]
x[::2] = [0, 0, 0, 0]
print(x)
x[1:3] = []
print(x)
x[::-1] = list(range(len(x)))
print(x)
del x[::3]
print(x)
s = "ab"
s *= 3
print(s)
t = (1,)
t += (2, 3)
print(t)
class Counter:
    def __init__(self): self.n = 0
    def __iadd__(self, o):
        self.n += o
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        c = Counter(); c.n = self.n - o; return c
c = Counter()
c0 = c
c += 5
print(c is c0, c.n)
c -= 2
print(c is c0, c.n)
calls = []
class Rec:
    def __getitem__(self, k):
        calls.append(("get", k)); return 10
    def __setitem__(self, k, v):
        calls.append(("set", k, v))
r = Rec()
r[1:2] += 5
r["k"] *= 2
print(calls)
class A:
    def __getattr__(self, n):
        print("getattr", n); return 0
a = A()
a.zz += 1
print(a.zz)
l = [[1, 2], [3, 4]]
l[1][0] += 100
print(l)
m = [1, 2]
m += range(3)
print(m)
try:
    t = (1, [2])
    t[1] += [3]
except TypeError as e:
    print("TypeError", e, t)
a1 = b1 = 5
a1 += 1
print(a1, b1)
n = 10
n /= 4
print(n)
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v)
    def __repr__(self): return f"M({self.v})"
mm = M(3)
mm @= M(4)
print(mm)
try:
    n @= 2
except TypeError as e:
    print(e)

# --- t02_unpack ---
a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
print([*range(3), *"ab", *{1: 2}])
print((*[1, 2],))
print({*[1, 2], *(3,)} == {1, 2, 3})
d1 = {"a": 1}; d2 = {"b": 2, "a": 3}
print({**d1, **d2, "c": 4})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), x=1, **{"y": 2}, **{"z": 3}))
print(f(1, *(), **{}))
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
first, *_, last = [10, 20, 30, 40]
print(first, last)
x = y = z = 0
x, y = y, x
a = [1, 2, 3]
i = 0
i, a[i] = 1, 99
print(i, a)
def g():
    return 1, 2, 3
p, *q = g()
print(p, q)
print(*[1, 2, 3], sep="-")
print(*"abc")
d = dict(zip("abc", range(3)))
k1, k2, k3 = d
print(k1, k2, k3)
(x), = [5]
print(x)
[x] = "a"
print(x)
t = 1, 2,
print(t)
print(max(*[3, 1, 2]))
lst = [*map(str, range(3))]
print(lst)
s = {*()}
print(s, type(s))
def h(a, b, /, c, *, d):
    return a + b + c + d
print(h(1, 2, 3, d=4), h(1, 2, c=3, d=4))
try:
    h(1, b=2, c=3, d=4)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
def kw(a, b=2, *args, c, d=5, **rest):
    return (a, b, args, c, d, rest)
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6))
try:
    kw(1)
except TypeError as e:
    print(e)
try:
    kw(1, c=1, a=2)
except TypeError as e:
    print(e)
try:
    kw()
except TypeError as e:
    print(e)
def two(a, b): pass
try:
    two(1)
except TypeError as e:
    print(e)
try:
    two(1, 2, 3)
except TypeError as e:
    print(e)
try:
    two(1, 2, q=3)
except TypeError as e:
    print(e)

# --- t34_misc_syntax ---
x = 5
print("big" if x > 3 else "small", x if x else None, [i for i in range(3)] or "empty", [] or "empty", 0 and 1, 2 and 3, None or 0)
print(not x, not not x, x is not None, type(x) is int, -x, +x, ~x, x ** 2 ** -1)
lam = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
print(lam(1), lam(1, 3, 5, d=6, z=7))
print((lambda: (yield))) if False else None
for i in range(3):
    if i == 5: break
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
for i in range(5):
    if i == 2: break
else:
    print("not printed")
print(i)
i = 10
for i in []: pass
print(i)
def f(): pass
print(f(), f.__name__, f.__defaults__, f.__kwdefaults__, f.__code__.co_name if hasattr(f, "__code__") else "f")
def anno(a: int = 1, *, b: str = "x") -> bool: return True
print(anno.__annotations__, anno.__defaults__, anno.__kwdefaults__)
print(1_000_000, 0b1010, 0o17, 0xFF, 1e3, 1E-3, 3.14j, 0.5e1, 00, .5, 5., 0x_ff)
s = 'single' "double" '''triple''' """triple2"""
print(s, r"raw\n", b"bytes", rb"raw\bytes", f"{1}{2}", "\x41\101\u0041\N{LATIN SMALL LETTER A}")
print("line \
continued")
total = (1 +
         2 +
         3)
print(total, [
    1,
    2,
], {
    "a": 1,
})
if x: print("inline if")
class C: pass
def g(): return 1; print("never")
print(g())
a = b = c = []
a.append(1)
print(b, c is a)
del a
try:
    print(a)
except NameError as e:
    print(e)
x, y = 1, 2; x, y = y, x; print(x, y)
print(type(...), ... is Ellipsis, __debug__)
assert True, "never"
print(*(i for i in range(3)))
print(1 if True else 2 if False else 3)
nums = [1, 2, 3]
print(nums[-1], nums[len(nums) - 1], nums[:], nums[:] is nums)
print(isinstance(x, int) and x > 0 or "neg")
print(chr(ord("a") + 1), [chr(c) for c in range(97, 100)])
print("%s" % [1, 2], "%s" % ((1, 2),), "%d%%" % 50)
empty = ()
print(empty, type(empty), (1), (1,), tuple())
g_expr = sum(i for i in range(10) if i % 2 == 0)
print(g_expr)
def multi_return():
    return 1, [2], {"3": 3}
a1, (b1,), d1 = multi_return()
print(a1, b1, d1)
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
print(globals()["x"], "multi_return" in globals(), __builtins__ is not None)
value = 7
result = "seven" if value == 7 else "other"
print(result)
match_ = 3; case = 4; type_ = 5
print(match_, case, type_)
match = 1
print(match)
type = 7
print(type)
del type
print(type(1))
print(f"{'nested' + f'{1 + 1}'}")
print(sorted([(1, 'b'), (1, 'a')])[0], max([], default=None))
print(list(range(3))[::-1][0], [[0] * 2 for _ in range(2)])
print([1, 2, 3] == [1, 2, 3], [1, 2] is [1, 2], (1, 2) == (1, 2), 'a' * 0, [0] * -1)
import sys
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, type(sys.argv).__name__, sys.maxsize, sys.byteorder, sys.platform in ("linux", "darwin", "win32"))
print(sys.getrecursionlimit() >= 1000, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit if hasattr(sys.int_info, "bits_per_digit") else 30)

