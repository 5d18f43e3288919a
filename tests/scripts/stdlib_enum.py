import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color(1), Color(Color.RED), repr(Color(2)), Color["BLUE"], list(Color), Color.CRIMSON is Color.RED, len(Color))
print(Color.RED in Color, 1 in [c.value for c in Color])
for bad in [7, [1]]:
    try:
        Color(bad)
    except ValueError as e:
        print("ValueError", e)
class Miss(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        if value == "a": return cls.A
        if value == "bad": return 5
        if value == "boom": raise KeyError("boom")
        return None
print(Miss("a"))
for v in ["bad", "boom", "none"]:
    try:
        Miss(v)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__)
class Unh(Enum):
    L = [1, 2]
    D = {"k": 1}
print(Unh([1, 2]), Unh({"k": 1}))
class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print([(m.name, m.value) for m in A])
class S(StrEnum):
    ONE = auto()
    TWO = "deux"
print(S.ONE, S.TWO, repr(S.ONE), S("deux"))
F = Enum("F", "a b c")
G = Enum("G", [("x", 10), ("y", 20)])
H = Enum("H", {"p": "P", "q": "Q"})
I = IntEnum("I", "one two", start=5)
print(list(F), [m.value for m in F], list(G), H.p.value, I.two, I.two + 1, F.__module__ if False else "")
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = 3
print(Perm.R | Perm.W, Perm(7), Perm(0), repr(Perm(3)), list(Perm(7)), len(Perm(5)), Perm.R in Perm(3), Perm.X in Perm(3), ~Perm.R, Perm.RW)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError", e)
class Conf(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2
class Ej(Flag, boundary=enum.EJECT):
    A = 1
    B = 2
class Kp(IntFlag):
    A = 1
    B = 4
print(Conf(7), Ej(7), type(Ej(7)).__name__, Kp(3), Kp(-1), repr(Kp(11)), Kp.A | 8)
class Strict(Flag):
    A = 1
    AB = 3
try:
    Strict(2)
except ValueError as e:
    print("ValueError", e)
class Num(float, Enum):
    PI = 3.14
print(Num.PI, Num(3.14), repr(Num.PI))
try:
    class Bad(int, str, Enum):
        A = 1
except TypeError as e:
    print("TypeError", str(e).split(":")[0])
class Base(Enum):
    def describe(self): return self.name.lower()
class Child(Base):
    Q = 1
print(Child.Q.describe())
try:
    class Ext(Color):
        PINK = 9
except TypeError as e:
    print("TypeError", e)
