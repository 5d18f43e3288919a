# --- t08_dataclass ---
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, is_dataclass, make_dataclass
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)
p = Point(1)
print(p, p == Point(1), p == Point(1, secret="other"), p != Point(2))
p.tags.append("a")
print(Point(1).tags, asdict(p), astuple(p))
print(replace(p, y=5))
print([f.name for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(3))
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
vs = sorted([Ver(1, 2), Ver(1, 0), Ver(0, 9, "x")])
print(vs, Ver(1) < Ver(1, 1), hash(Ver(1, 2)) == hash(Ver(1, 2, "q")))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("frozen:", e)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1
    count: ClassVar[int] = 0
    def __post_init__(self, scale):
        self.b = self.a * scale
        WithPost.count += 1
print(WithPost(3, 4), WithPost.count, [f.name for f in fields(WithPost)])
@dataclass
class Nested:
    p: Point
    items: list
    mapping: dict
n = Nested(Point(1, 2), [Point(3, 4), (5, 6)], {"k": Point(0)})
print(asdict(n))
print(astuple(n))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1))
@dataclass
class Child(Point):
    z: int = 9
print(Child(1, 2, z=3), Child.__mro__[1].__name__)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)
@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2
print(KW(a=1))
try:
    KW(1)
except TypeError as e:
    print(e)
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "x"
s = Slotted(1)
print(s, Slotted.__slots__)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError")
D = make_dataclass("D", [("a", int), ("b", str, field(default="q"))])
print(D(1))
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash(UH(1)))
@dataclass
class Unh:
    a: int
print(Unh.__hash__)
@dataclass(repr=False)
class NR:
    a: int
print(repr(NR(1)).startswith("<__main__.NR object"))
@dataclass
class Defaults:
    a: int = field(default=1, metadata={"unit": "m"})
print(fields(Defaults)[0].metadata["unit"], Defaults.a)
print(Point.__match_args__)
match Point(5, 6):
    case Point(x, y):
        print("matched", x, y)
@dataclass(frozen=True)
class FP:
    a: int
    def __post_init__(self):
        object.__setattr__(self, "a", self.a * 2)
print(FP(2))
print(repr(field(default=1)).startswith("Field("))

# --- t09_enum ---
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.name, Color.RED.value)
print(Color.__members__.keys() if False else list(Color.__members__))
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["NOPE"]
except KeyError as e:
    print("KeyError", e)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in Auto])
class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    X = auto()
    Y = auto()
print(Lower.X.value, Lower.Y)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]), str(Num.ONE), repr(Num.TWO), f"{Num.ONE}", int(Num.TWO))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), list(rw) if hasattr(rw, "__iter__") else None)
print(rw & Perm.W, ~Perm.R, Perm(7))
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, IP.A | 4, repr(IP.A | IP.B), int(IP.A | IP.B))
class AF(Flag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in AF], AF.A | AF.C)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def g(self):
        return 6.67e-11 * self.mass / self.radius ** 2
print(round(Planet.EARTH.g, 2), Planet.MARS.mass)
class Shape(Enum):
    SQ = "square"
    def describe(self):
        return f"{self.name}={self.value}"
    @classmethod
    def default(cls):
        return cls.SQ
print(Shape.default().describe(), Shape("square"))
print(Color.RED == 1, Num.ONE == 1, isinstance(Color.RED, Color), type(Color.RED))
print({Color.RED: "r"}[Color.CRIMSON])
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
from enum import StrEnum
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, S.B + "!", S.A == "a", repr(S.B))
print(format(Color.RED), f"{Color.RED:>10}|", f"{Num.ONE:>5}|")
class WithStr(Enum):
    A = 1
    def __str__(self):
        return "custom"
print(WithStr.A, f"{WithStr.A}")
print(Color.RED._value_, Color._member_names_)

# --- u10_enum_more ---
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, EnumMeta
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Status("ACTIVE"), Status("inactive"))
try:
    Status("zzz")
except ValueError as e:
    print(e)
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RWX = R | W | X
print(list(Perm), Perm.RWX, Perm.R | Perm.X, repr(Perm.R | Perm.X), Perm(0), repr(Perm(0)))
print([p.name for p in Perm.RWX] if hasattr(Perm.RWX, "__iter__") else "", len(Perm.RWX) if hasattr(Perm.RWX, "__len__") else "")
print(Perm.R in Perm.RWX, (Perm.R | Perm.W) & Perm.W, bool(Perm.R & Perm.X), Perm.RWX & ~Perm.W)
class Pri(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10
print(sorted([Pri.HIGH, Pri.LOW, Pri.MID]), max(Pri), Pri(5), Pri.MID > 3, Pri.LOW + Pri.MID, [p.value for p in Pri], Pri["HIGH"])
print(Pri.MID.name, Pri.MID.value, type(Pri.MID.value), isinstance(Pri.MID, int), f"{Pri.MID!r}", f"{Pri.MID:>4}", "%d" % Pri.HIGH)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def __str__(self):
        return self.name.lower()
    @property
    def hex(self):
        return {1: "#f00", 2: "#0f0", 3: "#00f"}[self.value]
print(Color.RED, Color.GREEN.hex, [str(c) for c in Color], Color.BLUE.__class__.__name__, Color.RED is Color(1))
print(Color.__members__["GREEN"], list(Color.__members__.items())[0], Color.RED in Color, hash(Color.RED) == hash(Color.RED))
print({c: c.value for c in Color}, sorted(Color, key=lambda c: -c.value))
class Weekday(IntFlag):
    MON = 1
    TUE = 2
    WED = 4
weekend = Weekday(0)
print(Weekday.MON | Weekday.WED, Weekday(3), 1 in [Weekday.MON], Weekday.MON == 1, weekend, repr(Weekday(6)))
class Ord(Enum):
    A = 1
    B = 2
try:
    Ord.A < Ord.B
except TypeError as e:
    print(e)
print(Ord.A == Ord.A, Ord.A != Ord.B, Ord.A == 1, Ord(2).name)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(e)
print(isinstance(Color, EnumMeta), type(Color).__name__, Color.RED.__repr__())
class Animal(Enum):
    DOG = auto()
    CAT = auto()
    def speak(self):
        return {"DOG": "woof", "CAT": "meow"}[self.name]
print([a.speak() for a in Animal], Animal.DOG.value, Animal(2))
print(Perm.R.value, Perm.W.value, Perm.X.value, Perm.RWX.value, Perm(3), Perm(5).name)

# --- u01_inventory ---
from dataclasses import dataclass, field
from typing import Optional
import json
@dataclass
class Item:
    name: str
    price: float
    qty: int = 0
    tags: list[str] = field(default_factory=list)
    def total(self) -> float:
        return round(self.price * self.qty, 2)
@dataclass
class Inventory:
    items: dict[str, Item] = field(default_factory=dict)
    def add(self, item: Item) -> None:
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item
    def remove(self, name: str, qty: int) -> Optional[Item]:
        it = self.items.get(name)
        if it is None:
            raise KeyError(f"no such item: {name}")
        if it.qty < qty:
            raise ValueError(f"only {it.qty} {name} left")
        it.qty -= qty
        return it
    def value(self) -> float:
        return sum(i.total() for i in self.items.values())
inv = Inventory()
inv.add(Item("apple", 0.5, 10, ["fruit"]))
inv.add(Item("pear", 0.75, 4))
inv.add(Item("apple", 0.5, 5))
print(inv.items["apple"], inv.value())
for args in [("kiwi", 1), ("pear", 10), ("pear", 2)]:
    try:
        print(inv.remove(*args))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({k: v.__dict__ for k, v in inv.items.items()}, indent=2))
report = sorted(inv.items.values(), key=lambda i: i.total(), reverse=True)
for i in report:
    print(f"{i.name:<10}{i.qty:>4}{i.total():>8.2f}")
print(f"{'TOTAL':<14}{inv.value():>8.2f}")

