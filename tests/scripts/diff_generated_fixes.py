# Differences found by tools/difftest.py, each checked against CPython 3.11.

# Negative infinity to a fractional power is a float, not a complex.
print(float('-inf') ** 0.5, pow(float('-inf'), 0.5), float('-inf') ** -0.5, (-2.5) ** 0.5)


# `x *= seq`: a type with the sequence protocol but no repetition (dict,
# set, range, views, classes) does not fall back to seq's repetition.
class C:
    pass


for left, right in [(C(), 'ab'), ({}, 'ab'), (set(), [1]), (range(3), (1,)), (3.5, 'ab'), (None, [1]),
                    ({}.keys(), [1]), ({}.items(), 'a'), ({}.values(), b'x'), (C(), C()), (frozenset(), ())]:
    for inplace in (False, True):
        x = left
        try:
            if inplace:
                x *= right
            else:
                x * right
        except TypeError as e:
            print('*=' if inplace else '*', type(left).__name__, e)


class Three:
    def __index__(self):
        return 3


n = Three()
s = 'ab'
s *= n
print(s, [0] * n, n * (1,))

# An empty dict answers pop() without hashing the key.
print({}.pop([1], 'default'))
for d in ({}, {1: 2}):
    try:
        d.pop([1])
    except Exception as e:
        print(type(e).__name__, e)

# bytes()/bytearray() of ints beyond 64 bits are out of range, not too big.
for v in ([10**20], [2**63], [-1], [256], [-(10**20)]):
    for f in (bytes, bytearray):
        try:
            f(v)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)

# chr() takes a C int and anything with __index__.
for v in (2**31, 2**31 - 1, -2**31 - 1, -1, 2**63, 2**64, 0x110000):
    try:
        chr(v)
    except Exception as e:
        print(v, type(e).__name__, e)


class Letter:
    def __index__(self):
        return 65


print(chr(Letter()))

# round() of a bool is an int, with or without ndigits.
print(round(False, 3), round(True, -1), round(True), True.__round__(2), type(round(True, 2)).__name__)
v = {1: 2}.values()
print(hash(v) == hash(v), v == v, v != {1: 2}.values(), {v: 1}[v])
for view in ({}.keys(), {}.items()):
    try: hash(view)
    except TypeError as e: print(e)
for f, a in [(b'%d', (1, 2)), (b'abc', (1,)), (bytearray(b'%s'), (b'a', b'b')), ('%d', (1, 2))]:
    try: f % a
    except TypeError as e: print(e)
for f in (float, int):
    for v in (1j, complex(1, 0), [1], None, {}, b'1', bytearray(b'2')):
        try: print(f(v))
        except Exception as e: print(f.__name__, type(e).__name__, e)
import math
for v in (1j, '1'):
    try: math.floor(v)
    except Exception as e: print(type(e).__name__, e)
for v in (-(10**30), 10**30, -1, 2**63):
  for f in (bytes, bytearray):
    try: f(v)
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(0 / -5, 0 / (-2**63 // 3), 0 / -(10**30), (-0) / 7, 1 / -(10**400), -1 / (10**400), 1 / 10**400, -(10**30) / -(10**400))
for v in (2**63, 256, -1, 10**30, 97):
  for b in (b"abc", bytearray(b"abc")):
    try: print(v in b)
    except Exception as e: print(type(e).__name__, e)
print(True in b"\x01", False in b"a")
class I:
    def __index__(self): return 97
print(I() in b"abc")
