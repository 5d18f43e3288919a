# Keyword calls bound straight into the callee's slots, and every case the
# general binding still words: duplicates, unknown names, positional-only
# names, missing arguments, defaults replaced while arguments evaluate.
order = []


def v(label, value):
    order.append(label)
    return value


def f(a, b=2, c=3, *, d=4, e):
    return (a, b, c, d, e)


print(f(1, e=5), f(1, c=v("c", 30), b=v("b", 20), e=v("e", 50)), order)
print(f(a=1, e=2), f(e=9, a=8, d=7))


def g(x, /, y, z=0):
    return (x, y, z)


print(g(1, y=2), g(1, 2, z=3))
cases = [
    lambda: f(1, a=2, e=3),
    lambda: f(1, zz=2, e=3),
    lambda: f(1),
    lambda: f(e=1),
    lambda: g(x=1, y=2),
    lambda: g(1, y=2, y2=3),
    lambda: f(1, e=1, **{"e": 2}),
]
for call in cases:
    try:
        print(call())
    except TypeError as err:
        print("TypeError", err)


def h(p, q=1):
    return p, q


def replace_defaults():
    h.__defaults__ = None
    return 5


try:
    print(h(p=replace_defaults()))
except TypeError as err:
    print("TypeError", err)
h.__defaults__ = (7,)
print(h(q=2, p=1), h(p=3))


def gen(n, step=1):
    yield from range(0, n, step)


print(list(gen(n=5, step=2)))


def with_cell(a, b=1):
    return lambda: a + b


print(with_cell(a=10)())


class K:
    def m(self, a, b=0):
        return a - b


k = K()
print(k.m(b=1, a=5), K.m(k, a=3), K.m(self=k, a=1, b=1))


def rec(n, acc=0):
    return acc if n == 0 else rec(n=n - 1, acc=acc + n)


print(rec(n=100))
