# One attribute site meeting changing types and namespaces must always see
# what the general lookup would: the site caches must notice every change.
import math


class A:
    kind = "class value"

    def m(self):
        return "A.m"

    @property
    def p(self):
        return "A.p"


class B(A):
    def m(self):
        return "B.m"


def read(o):
    return o.kind, o.m(), o.p


a, b = A(), B()
for o in [a, b, a, b]:
    print(read(o))

a.kind = "instance value"          # the dict now shadows the class value
a.m = lambda: "instance m"          # ... and the method
print(read(a), read(b))
del a.kind, a.m
print(read(a))

A.m = lambda self: "patched A.m"    # changing the class after the sites were filled
print(read(a), read(b))
del B.m
print(read(b))
A.p = property(lambda self: "new p")
print(read(a))


class Slotted:
    __slots__ = ("x",)


s = Slotted()
for i in range(3):
    try:
        print(s.x)
    except AttributeError as e:
        print("AttributeError:", e)
    s.x = i


class C:
    def __init__(self):
        self.v = 1


c = C()
vals = []
for i in range(4):
    vals.append(c.v)
    if i == 1:
        c.__class__ = A          # same object, new type
        c.kind = "c kind"
print(vals, c.kind, type(c).__name__)


def sqrt_site(x):
    return math.sqrt(x)


print(sqrt_site(16.0))
saved = math.sqrt
math.sqrt = lambda x: "patched sqrt"
print(sqrt_site(16.0))
del math.sqrt
try:
    sqrt_site(1.0)
except AttributeError as e:
    print("AttributeError:", e)
math.sqrt = saved
print(sqrt_site(9.0))


class Store:
    @property
    def q(self):
        return self._q

    @q.setter
    def q(self, v):
        self._q = v * 2


st = Store()
for i in range(3):
    st.q = i
    print(st.q, st.__dict__)
