# `a, b = x, y` binds value by value (no tuple in between) and
# `module.f(args)` calls the attribute directly: both must keep CPython's
# order of evaluation, binding and errors.
import math
import sys
import types

trace = []


def v(label, value):
    trace.append(label)
    return value


class Box:
    def __setattr__(self, name, value):
        trace.append("set " + name)
        object.__setattr__(self, name, value)


# Every value first, then the targets from left to right.
l = [0, 1, 2, 3]
b = Box()
i, l[v("idx", 1)], b.x = v("a", 2), v("b", 10), v("c", 20)
print(trace, i, l, b.x)

# A later target sees an earlier one already bound.
trace.clear()
k, l[k] = 3, 99
print(k, l)

# Swaps and rotations.
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
l[0], l[3] = l[3], l[0]
print(l)

# The same name twice: the last binding wins.
a, a = 1, 2
print(a)

# Nested targets and starred values still work.
(p, q), r = (1, 2), 3
print(p, q, r)
s, t = *[7], 8
print(s, t)
u, *w = 1, 2, 3
print(u, w)

# Count mismatches are still unpacking errors.
for src in ["m, n = 1, 2, 3", "m, n = 1,", "m, n, o = 1, 2"]:
    try:
        exec(src)
    except ValueError as e:
        print(type(e).__name__, e)

# A value that raises: nothing is bound.
del x
try:
    x, y = 5, 1 // 0
except ZeroDivisionError as e:
    print("raised", e, "x" in dir())

# A target that raises midway: the targets before it are bound.
class NoSet:
    def __setitem__(self, k, v):
        raise KeyError(k)


ns = NoSet()
try:
    g1, ns["key"], g2 = 1, 2, 3
except KeyError as e:
    print("KeyError", e, g1, "g2" in globals())


# Inside functions (locals, cells) and generators.
def swap_local(m, n):
    m, n = n, m

    def inner():
        return m - n
    return m, n, inner()


print(swap_local(1, 5))


def fib_gen(count):
    a, b = 0, 1
    for _ in range(count):
        yield a
        a, b = b, a + b


print(list(fib_gen(12)))

# Module attribute calls: natives, Python functions, keyword and starred
# arguments, missing attributes, a module __getattr__, replaced functions.
print(math.sqrt(16.0), math.floor(2.5), math.gcd(12, 18), math.hypot(3, 4))
print(math.isclose(1.0, 1.0 + 1e-12), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.fsum(*[[0.1] * 10]))
try:
    math.sqrt()
except TypeError as e:
    print("TypeError", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.no_such_function(v("arg evaluated", 1))
except AttributeError as e:
    print("AttributeError", e, trace[-1:])

mod = types.ModuleType("mod")
exec("def double(x):\n    return 2 * x\ndef pair(a, b=7):\n    return (a, b)\n", mod.__dict__)
print(mod.double(21), mod.pair(1), mod.pair(1, 2), mod.pair(a=3))
mod.__getattr__ = lambda name: (lambda *args: (name, args))
print(mod.anything(1, 2))
mod.double = len
print(mod.double("abcd"))
mod.double = lambda *a: sum(a)
print(mod.double(1, 2, 3))
print(sys.getrecursionlimit() > 0, type(sys.exc_info()))

# types.ModuleType builds a plain module.
m = types.ModuleType("zz", "docs")
print(m, m.__doc__, sorted(m.__dict__), m.__name__)
print(types.ModuleType(name="k").__doc__)
for bad in [lambda: types.ModuleType(3), lambda: types.ModuleType(), lambda: types.ModuleType("a", "b", "c")]:
    try:
        bad()
    except TypeError as e:
        print(e)
sys.modules["zz"] = m
m.value = 5
import zz
print(zz.value, zz is m)
