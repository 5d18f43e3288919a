# Fast paths of the evaluator must agree with the general ones at their edges.
a = list(range(10))
print(a[::-1], a[8:2:-2], a[-3:], a[:100], a[5:2], a[::3])
t = tuple(a)
print(t[1:4], t[::-4], t[-1:-5:-1])
b = a[:]
b[:4] = b[3::-1]            # same length: in place
print(b)
b[2:5] = []                 # shorter
b[0:0] = ["x", "y"]         # longer
print(b)


class Idx:
    def __init__(self, v, target):
        self.v, self.target = v, target

    def __index__(self):
        self.target.append(99)  # mutating the list while it is sliced
        return self.v


c = [1, 2, 3, 4]
print(c[Idx(1, c):Idx(3, c)], c)

big = 2 ** 62
x = big
x += big                      # overflows i64 into a big int
print(x, big + big, -big - big - big, big * 4)
y = 7
y -= 10
y //= 2
print(y, 7 % 3, -7 % 3, 7 // -2, 2 ** -1, 2.0 ** 0.5, 1 + 2.5, 2.5 * 2)
try:
    (-8.0) ** 0.5 + 0
except Exception as e:
    print(type(e).__name__)
print((-8.0) ** (1 / 3))
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

xs = [1.5, 2, 3]
xs[0] += 1
xs[-1] *= 2.5
xs[1] += big
print(xs)


def cond(v):
    return "yes" if v else "no"


s = {1, 2}
for v in [0, 1, 2, 3]:
    print(cond(v in s), cond(v not in s and v), cond(v > 1 or v in s), cond(not v), v and "t" or "f")
print(1 < 2.5, 2.0 == 2, 3 >= 3.0, float("nan") == float("nan"), (0.0 or 5), ([] and 1))
n = 0
while n < 3 and not n > 5 or False:
    n += 1
print(n)

# Loops over lists see items appended during the loop, as list iterators do.
grow = [1, 2]
for v in grow:
    if len(grow) < 5:
        grow.append(v * 10)
print(grow, [w for w in (1, 2, 3) for _ in grow[:1]])
pairs = [(1, 2), (3, 4)]
for p, q in pairs:
    print(p + q, end=" ")
print()
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
(x, y), z = (1, 2), 3
print(x, y, z)
print(1 << 62, 1 << 63, -1 << 63, 3 << 70, 5 >> 1, -5 >> 1, 7 >> 100, -7 >> 100, (1 << 62) >> 61)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
