import dataclasses
from dataclasses import dataclass, field, KW_ONLY, InitVar, asdict, astuple, replace, make_dataclass, fields, FrozenInstanceError
from typing import ClassVar, NamedTuple
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="n", repr=False, compare=False)
    hidden: int = field(default=5, init=False)
    count: ClassVar[int] = 0
p = P(1, 2)
print(p, p == P(1, 2), p == P(1, 3), P.__init__.__qualname__, P.__match_args__, [f.name for f in fields(p)], P.count, P.__hash__)
print(P.__doc__, P.hidden, p.hidden)
@dataclass(order=True, frozen=True)
class F:
    a: int
    b: str = "z"
f1, f2 = F(1), F(1, "a")
print(f1 < f2, f1 >= f2, sorted([F(2), F(1, "b"), F(1, "a")]), hash(f1) == hash(F(1)), F.__hash__ is not None)
try:
    f1.a = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    del f1.a
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass(unsafe_hash=True)
class H:
    v: int
    w: int = field(default=0, hash=False)
print(hash(H(3)) == hash(H(3, 9)), H(1) == H(1))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = field(default=3, kw_only=False)
print(K(1, 5, b=4), K(1))
@dataclass
class Post:
    x: int
    scale: InitVar[int] = 2
    y: int = field(init=False)
    def __post_init__(self, scale):
        self.y = self.x * scale
print(Post(3), Post(3, 10), replace(Post(1), x=5, scale=3))
class Pt(NamedTuple):
    x: int
    y: int
@dataclass
class Nest:
    p: P
    items: list
    m: dict
    t: tuple
    nt: Pt
n = Nest(P(1), [P(2), 3], {"k": P(3)}, (P(4),), Pt(1, 2))
print(asdict(n))
print(astuple(n))
print(asdict(P(1), dict_factory=lambda pairs: list(pairs)))
for bad in [lambda: asdict(5), lambda: astuple(P), lambda: replace(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    replace(p, hidden=1)
except ValueError as e:
    print("ValueError", e)
try:
    replace(Post(1), x=3)
except ValueError as e:
    print("ValueError", e)
D = make_dataclass("D", ["a", ("b", int), ("c", int, field(default=7))], namespace={"hi": lambda self: "hi"}, frozen=True)
d = D(1, 2)
print(d, d.hi(), [(f.name, f.type) for f in fields(D)], D.__module__)
for bad in [["a", "a"], [("x", int, 1, 2)], ["1x"]]:
    try:
        make_dataclass("E", bad)
    except TypeError as e:
        print("TypeError", e)
for src in ["class A:\n x: list = []", "class A:\n x: int = 1\n y: int", "class A:\n x = field()", "class A:\n x: ClassVar[int] = field(default_factory=int)",
            "class A:\n _: KW_ONLY\n __: KW_ONLY"]:
    try:
        exec(src, {"field": field, "ClassVar": ClassVar, "KW_ONLY": KW_ONLY, "__name__": "m"}) or None
        ns = {"field": field, "ClassVar": ClassVar, "KW_ONLY": KW_ONLY, "dataclass": dataclass}
        exec("@dataclass\n" + src, ns)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass(order=True)
    class O:
        a: int
        def __lt__(self, o): return True
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass(unsafe_hash=True)
    class UH:
        a: int
        def __hash__(self): return 1
except TypeError as e:
    print("TypeError", e)
@dataclass(frozen=True)
class FB:
    a: int
try:
    @dataclass
    class NF(FB):
        b: int = 0
except TypeError as e:
    print("TypeError", e)
@dataclass
class Base:
    a: int = 1
    b: str = "b"
@dataclass
class Derived(Base):
    c: float = 1.5
    a: int = 9
print(Derived(), [f.name for f in fields(Derived)], dataclasses.is_dataclass(Derived), dataclasses.is_dataclass(Derived()), dataclasses.is_dataclass(1))
@dataclass(slots=True)
class S:
    a: int
    b: int = field(default=4, init=False)
print(S(1), S.__slots__, hasattr(S(1), "__dict__"))
print(repr(dataclasses.MISSING).split(" at ")[0], repr(KW_ONLY).split(" at ")[0], repr(field(default_factory=list)).split("default_factory=")[1].split(",")[0])
@dataclass
class Rec:
    me: object = None
r = Rec(); r.me = r; print(r)
