# Classes: MRO, super, descriptors, properties, slots, metaclasses, dunders.
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15: raise ValueError("too cold")
        self._c = v
t = Temp(); t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)

class Typed:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls): return self if obj is None else obj.__dict__.get(self.name, 0)
    def __set__(self, obj, v): obj.__dict__[self.name] = int(v)
class P:
    x = Typed()
p = P(); p.x = "7"
print(p.x, type(P.x).__name__, P.x.name)

class Slotted:
    __slots__ = ("a", "b")
s = Slotted(); s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print(e)

class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print("creating", cls.__name__)
        return super().__call__(*a)
class Tagged(metaclass=Meta):
    def __init__(self, v): self.v = v
tg = Tagged(3)
print(Tagged.tag, tg.v, type(Tagged).__name__)

class Base:
    registry = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, key))
class Sub1(Base, key="one"): pass
class Sub2(Base): pass
print(Base.registry)

class Vec:
    def __init__(self, *c): self.c = c
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vec(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __repr__(self): return f"Vec{self.c}"
    def __bool__(self): return any(self.c)
    def __neg__(self): return Vec(*(-a for a in self.c))
v = Vec(1, 2)
print(v + Vec(3, 4), 2 * v, v * 3, -v, len(v), v[1], bool(Vec(0, 0)), v == Vec(1, 2), {v: 1}[Vec(1, 2)])
print(list(v), 2 in v)

class NoAdd: pass
try:
    NoAdd() + 1
except TypeError as e:
    print(e)

class Stack(list):
    def push(self, x): self.append(x)
st = Stack([1, 2]); st.push(3)
print(st, len(st), type(st).__name__, isinstance(st, list))

class Money(int):
    def __repr__(self): return f"${int(self)}"
print(Money(5) + 3, repr(Money(7)), Money(2) == 2)
