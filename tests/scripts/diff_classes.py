# --- t07_classes ---
class Temp:
    def __init__(self, c=0): self._c = c
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting"); del self._c
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp(10)
t.c = 20
print(t.c, t.f, Temp.c.__doc__)
try: t.c = -300
except ValueError as e: print(e)
try: t.f = 3
except AttributeError as e: print(e)
del t.c
print(hasattr(t, "_c"))
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, v):
        if not isinstance(v, self.kind): raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, v)
class Person:
    name = Typed(str)
    age = Typed(int)
p = Person(); p.name = "A"; p.age = 3
print(p.name, p.age, Person.name.name)
try: p.age = "x"
except TypeError as e: print(e)
class NonData:
    def __get__(self, obj, t=None): return "nondata"
class H:
    x = NonData()
h = H()
print(h.x); h.x = "inst"; print(h.x)
class Sl:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Sl()
try: s.c = 3
except AttributeError as e: print(e)
try: print(s.b)
except AttributeError as e: print(e)
print(hasattr(s, "__dict__"), Sl.__slots__)
class Base:
    registry = []
    def __init_subclass__(cls, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.prefix = prefix
        Base.registry.append(cls.__name__)
class A(Base, prefix="a_"): pass
class B(A): pass
print(Base.registry, A.prefix, B.prefix)
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int], G[int, str])
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"prepared": True}
class WithMeta(metaclass=Meta):
    def __init__(self, v): self.v = v
w = WithMeta(3)
print(w.v, WithMeta.created_by, WithMeta.prepared, type(WithMeta).__name__)
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst: cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Single): pass
print(One() is One())
class P:
    def hi(self): return "P"
class Q(P):
    def hi(self): return "Q" + super().hi()
class R(P):
    def hi(self): return "R" + super().hi()
class S2(Q, R):
    def hi(self): return "S" + super(Q, self).hi() + "|" + super().hi()
print(S2().hi(), [c.__name__ for c in S2.__mro__])
class CM:
    @classmethod
    def make(cls): return cls()
    def __repr__(self): return type(self).__name__
class CM2(CM):
    @classmethod
    def make(cls):
        o = super().make(); return ("sub", o)
print(CM2.make())
try:
    class X(P, Q): pass
except TypeError as e: print(e)
class Empty: pass
e = Empty()
print(repr(Empty.__name__), Empty.__qualname__, Empty.__module__, type(e) is Empty)
class Dyn: pass
Dyn.meth = lambda self: "dyn"
print(Dyn().meth())
T = type("T", (object,), {"x": 5, "get": lambda self: self.x})
print(T().get(), T.__name__)
class Str:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
print(Str(), [Str()], str(Str()), repr(Str()), f"{Str()}", f"{Str()!r}")
class NoRepr: pass
print(repr(NoRepr()).startswith("<__main__.NoRepr object at 0x"))
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(S2, (P,)))
class Abstract:
    def __init_subclass__(cls, **kw):
        raise TypeError(f"cannot subclass {cls.__name__}") if kw.get("bad") else None
try:
    class Bad(Abstract, bad=True): pass
except TypeError as e: print(e)
print(vars(p) == p.__dict__, sorted(vars(p)))
class Cnt:
    instances = 0
    def __new__(cls, *a):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
Cnt(1); Cnt(2)
print(Cnt.instances)
class Call:
    def __call__(self, x): return x + 1
print(Call()(1), callable(Call()), callable(Call))
class DelA:
    def __delattr__(self, n): print("del", n)
    def __setattr__(self, n, v): print("set", n, v); object.__setattr__(self, n, v)
da = DelA(); da.q = 1; del da.q
print(da.q)

# --- t43_class_attrs ---
class Account:
    interest = 0.02
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("Deposit must be positive")
        self.balance += amt
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
    def __eq__(self, other):
        if not isinstance(other, Account): return NotImplemented
        return (self.owner, self.balance) == (other.owner, other.balance)
    __hash__ = None
a = Account("ann").deposit(50).deposit(25)
b = Account("bob", 75)
print(a, b, a == b, a != Account("ann", 75), Account.count, a.interest, Account.interest)
a.interest = 0.05
print(a.interest, Account.interest, b.interest, "interest" in a.__dict__)
try:
    {a}
except TypeError as e:
    print(e)
try:
    a.deposit(-1)
except ValueError as e:
    print(e)
print(Account.deposit.__name__, a.deposit.__self__ is a, a.deposit.__func__ is Account.deposit)
m = a.deposit; m(5); print(a.balance)
print(Account.__dict__["interest"], sorted(k for k in Account.__dict__ if not k.startswith("__")))
class Vehicle:
    wheels = 4
    def describe(self): return f"{type(self).__name__} with {self.wheels} wheels"
class Bike(Vehicle):
    wheels = 2
class Trike(Bike):
    def describe(self): return super().describe().upper()
print(Vehicle().describe(), Bike().describe(), Trike().describe(), Trike.wheels, Trike.__bases__, Trike.__base__)
class Meta(type):
    def __repr__(cls): return f"<class {cls.__name__} via Meta>"
    @property
    def upper_name(cls): return cls.__name__.upper()
class WithMeta(metaclass=Meta): pass
print(WithMeta, repr(WithMeta), WithMeta.upper_name, type(WithMeta))
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class RB(metaclass=Registry): pass
class RC(RB): pass
print(Registry.classes)
class StaticCounter:
    _n = 0
    @staticmethod
    def next_id():
        StaticCounter._n += 1
        return StaticCounter._n
print(StaticCounter.next_id(), StaticCounter().next_id())
class Private:
    def __init__(self): self.__secret = 1; self._prot = 2
    def reveal(self): return self.__secret
p = Private()
print(p.reveal(), p._Private__secret, p._prot, hasattr(p, "__secret"), sorted(p.__dict__))
class Chain:
    def __init__(self): self.ops = []
    def add(self, v): self.ops.append(("add", v)); return self
    def mul(self, v): self.ops.append(("mul", v)); return self
print(Chain().add(1).mul(2).ops)
class Cls:
    x = 1
    def get_x(cls): return cls.x
    get_x = classmethod(get_x)
    def s(): return "static"
    s = staticmethod(s)
print(Cls.get_x(), Cls.s(), Cls().s())
print(type(Cls.__dict__["get_x"]).__name__, type(Cls.__dict__["s"]).__name__, isinstance(Cls.__dict__["s"], staticmethod))
class Base:
    def __init__(self, **kw):
        for k, v in kw.items(): setattr(self, k, v)
    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({items})"
class Item(Base): pass
print(Item(name="pen", price=1.5))
class Prop:
    def __init__(self): self._x = 0
    x = property()
    x = x.getter(lambda self: self._x)
    x = x.setter(lambda self, v: setattr(self, "_x", v * 2))
pp = Prop(); pp.x = 4; print(pp.x)
print(Account.__name__, Account.__qualname__, Account.__doc__, Account.__module__, Account.deposit.__name__, Account.deposit.__qualname__)
class Doc:
    """Doc string here."""
    def m(self):
        """method doc"""
print(Doc.__doc__, Doc.m.__doc__, Doc().m.__doc__)
print(object.__repr__(pp)[:18], type(pp).__mro__)
class A1:
    def f(self): return "A1"
class A2:
    def f(self): return "A2"
class A3(A1, A2): pass
print(A3().f(), [k.__name__ for k in A3.mro()])
print(Account.__init__.__code__.co_varnames[:3] if hasattr(Account.__init__, "__code__") else ("self", "owner", "balance"))

# --- t53_abc_prop_more ---
class Celsius:
    def __init__(self): self._t = 0
    def get_t(self): return self._t
    def set_t(self, v): self._t = v
    temp = property(get_t, set_t, None, "temperature")
c = Celsius(); c.temp = 5; print(c.temp, Celsius.temp.__doc__, type(Celsius.temp).__name__)
try:
    del c.temp
except AttributeError as e:
    print(e)
class RO:
    @property
    def v(self): return 1
try:
    RO().v = 2
except AttributeError as e:
    print(e)
class Lazy:
    def __init__(self, fn): self.fn = fn; self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class User:
    def __init__(self, first, last): self.first, self.last = first, last
    @Lazy
    def full(self):
        print("computing full")
        return f"{self.first} {self.last}"
u = User("a", "b"); print(u.full, u.full, type(User.full).__name__)
class Validator:
    def __set_name__(self, owner, name): self.pub = name; self.priv = "_" + name
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.priv)
    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.priv, value)
class Positive(Validator):
    def validate(self, v):
        if v <= 0: raise ValueError(f"{self.pub} must be > 0, got {v}")
class OneOf(Validator):
    def __init__(self, *opts): self.opts = set(opts)
    def validate(self, v):
        if v not in self.opts: raise ValueError(f"{v!r} not valid for {self.pub}")
class Order:
    qty = Positive()
    kind = OneOf("buy", "sell")
    def __init__(self, q, k): self.qty = q; self.kind = k
o = Order(5, "buy"); print(o.qty, o.kind, vars(o))
for args in [(0, "buy"), (1, "hold")]:
    try: Order(*args)
    except ValueError as e: print(e)
class MethodLike:
    def __get__(self, obj, cls): return lambda: (obj is not None, cls.__name__)
class Host:
    m = MethodLike()
print(Host().m(), Host.m())
class ClassProp:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls): return self.f(cls)
class Cfg:
    name = "cfg"
    @ClassProp
    def upper(cls): return cls.name.upper()
print(Cfg.upper, Cfg().upper)
print(property.__name__, staticmethod(len)(["x"]), classmethod.__name__)
class Slots:
    __slots__ = ("a", "__dict__")
s = Slots(); s.a = 1; s.b = 2; print(s.a, s.b, s.__dict__)
class SlotBase:
    __slots__ = ("x",)
class SlotChild(SlotBase):
    pass
sc = SlotChild(); sc.x = 1; sc.y = 2; print(sc.x, sc.y)
class SlotDefault:
    __slots__ = ("v",)
    def __init__(self, v=3): self.v = v
print(SlotDefault().v, type(SlotDefault.v).__name__)
class WithSlotsProp:
    __slots__ = ("_v",)
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
w = WithSlotsProp(); w.v = 9; print(w.v)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)

# --- u08_class_edge ---
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
    def __repr__(self):
        return f"Node({self.val!r}, {self.next!r})"
    def __iter__(self):
        n = self
        while n is not None:
            yield n.val
            n = n.next
    def __len__(self):
        return sum(1 for _ in self)
lst = Node(1, Node(2, Node(3)))
print(lst, list(lst), len(lst), bool(Node(0)), 2 in lst)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __bool__(self):
        return bool(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
s = Stack().push(1).push(2)
print(s, s.pop(), s, bool(s), bool(Stack()))
try:
    Stack().pop()
except IndexError as e:
    print(e)
class Temperature:
    def __init__(self, c): self.c = c
    def __eq__(self, o): return self.c == o.c if isinstance(o, Temperature) else NotImplemented
    def __lt__(self, o): return self.c < o.c
    def __le__(self, o): return self.c <= o.c
    def __hash__(self): return hash(self.c)
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] or "") + "°F"
        return format(self.c, spec) + "°C"
t = Temperature(21.5)
print(f"{t}", f"{t:.1f}", f"{t:.0fF}", f"{t:F}", format(t, ">8.2f"))
print(sorted([Temperature(3), Temperature(1)], key=lambda x: x.c)[0].c, Temperature(1) == Temperature(1), Temperature(1) != Temperature(2), Temperature(1) == 1)
print(len({Temperature(1), Temperature(1.0)}))
class Registry:
    _handlers = {}
    @classmethod
    def register(cls, name):
        def deco(fn):
            cls._handlers[name] = fn
            return fn
        return deco
    @classmethod
    def dispatch(cls, name, *args):
        h = cls._handlers.get(name)
        if h is None:
            raise LookupError(f"no handler for {name!r}")
        return h(*args)
@Registry.register("add")
def _add(a, b): return a + b
@Registry.register("neg")
def _neg(a): return -a
print(Registry.dispatch("add", 2, 3), Registry.dispatch("neg", 4))
try:
    Registry.dispatch("mul", 1)
except LookupError as e:
    print(type(e).__name__, e)
class Shape:
    sides = 0
    def __init_subclass__(cls, /, sides=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.sides = sides
    def __repr__(self): return f"{type(self).__name__}(sides={self.sides})"
class Tri(Shape, sides=3): pass
class Sq(Shape, sides=4): pass
print(Tri(), Sq(), Shape(), [c.__name__ for c in Shape.__subclasses__()])
class Money:
    __slots__ = ("amount", "currency")
    def __init__(self, amount, currency="USD"):
        self.amount = amount; self.currency = currency
    def __add__(self, o):
        if isinstance(o, (int, float)): return Money(self.amount + o, self.currency)
        if o.currency != self.currency: raise ValueError("currency mismatch")
        return Money(self.amount + o.amount, self.currency)
    __radd__ = __add__
    def __repr__(self): return f"Money({self.amount}, {self.currency!r})"
print(sum([Money(1), Money(2)]), Money(5) + 1, 1 + Money(5))
try:
    Money(1) + Money(1, "EUR")
except ValueError as e:
    print(e)
print(Money.__slots__, hasattr(Money(1), "__dict__"))
class Base:
    def __init__(self, *a, **kw):
        print("Base init", a, kw)
class Mixin:
    def __init__(self, *a, **kw):
        print("Mixin init")
        super().__init__(*a, **kw)
class Derived(Mixin, Base):
    def __init__(self, x):
        print("Derived init")
        super().__init__(x, flag=True)
Derived(5)
print([k.__name__ for k in Derived.__mro__])
class WithClassAttrList:
    shared = []
    def add(self, x): self.shared.append(x)
a1, a2 = WithClassAttrList(), WithClassAttrList()
a1.add(1); a2.add(2)
print(WithClassAttrList.shared, a1.shared is a2.shared)

# --- t35_subclass_builtins ---
class MyInt(int):
    def __new__(cls, v, label="n"):
        o = super().__new__(cls, v)
        o.label = label
        return o
    def __repr__(self): return f"MyInt({int(self)}, {self.label!r})"
m = MyInt(5, "five")
print(m, m + 1, type(m + 1).__name__, m * 2, m.label, isinstance(m, int), str(m), f"{m}", f"{m:03d}", hash(m) == hash(5))
class Up(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
    def shout(self): return self + "!"
u = Up("hi")
print(u, repr(u), u.shout(), type(u.lower()).__name__, len(u), u == "HI", u[0], type(u[0]).__name__, "HI" in {u: 1})
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack([1, 2]); s.push(3)
print(s, s.peek(), len(s), type(s[:1]).__name__, type(s + [1]).__name__, s == [1, 2, 3], repr(s))
class AttrDict(dict):
    def __getattr__(self, k):
        try: return self[k]
        except KeyError: raise AttributeError(k)
    def __setattr__(self, k, v): self[k] = v
ad = AttrDict(a=1); ad.b = 2
print(ad, ad.a, ad.b, type(ad.copy()).__name__, dict(ad))
try:
    ad.zz
except AttributeError as e:
    print("AttributeError", e)
class LoudDict(dict):
    def __setitem__(self, k, v):
        print("set", k); super().__setitem__(k, v)
ld = LoudDict(); ld["x"] = 1; ld.update(y=2); ld.setdefault("z", 3)
print(ld)
class Pos(float):
    def __new__(cls, v):
        if v < 0: raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(2.5), Pos(1) + 1, repr(Pos(3)))
try: Pos(-1)
except ValueError as e: print(e)
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, 2); print(t, t.first, len(t), t + (3,), type(t + (3,)).__name__)
class FS(frozenset):
    pass
print(FS([1, 2]) | {3}, type(FS([1]) | {3}).__name__, repr(FS([1])))
class Err(ValueError):
    pass
print(Err.__mro__[1:3], repr(Err("x")), str(Err("a", "b")))
class Bool2(int):
    def __bool__(self): return False
print(bool(Bool2(5)), "yes" if Bool2(3) else "no")
class Sized:
    def __len__(self): return 0
print(bool(Sized()), not Sized())
class CountList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.adds = 0
    def append(self, x):
        self.adds += 1
        super().append(x)
cl = CountList([1]); cl.append(2); cl.extend([3]); cl += [4]
print(cl, cl.adds)
class Key(str):
    def __eq__(self, o): return str.__eq__(self.lower(), o.lower())
    def __hash__(self): return hash(self.lower())
d = {Key("A"): 1}
print(d.get(Key("a")), Key("X") == "x")
class OD(dict):
    def __iter__(self): return iter(sorted(super().__iter__()))
od = OD(b=1, a=2)
print(list(od), list(od.keys()), sorted(od))
class Vec(list):
    def __add__(self, o): return Vec(a + b for a, b in zip(self, o))
print(Vec([1, 2]) + Vec([3, 4]), [1] + [2])
print(int.__new__(MyInt, 3) if False else "", issubclass(MyInt, int), MyInt.__bases__, MyInt.__base__.__name__)
class S2(str):
    def __str__(self): return "S2-str"
print(S2("x"), str(S2("x")), "%s" % S2("x"), f"{S2('x')}", S2("x") + "y")
class I2(int):
    def __str__(self): return "I2"
    def __format__(self, spec): return "fmt"
print(I2(1), f"{I2(1)}", "{}".format(I2(1)), "%d" % I2(7), repr(I2(4)))

# --- t33_abc ---
from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name}: {self.area()}"
try:
    Shape()
except TypeError as e:
    print(e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
print(Sq(3).describe(), isinstance(Sq(1), Shape), Shape.__abstractmethods__ == frozenset({"area", "name"}))
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Duck:
    def quack(self): pass
class Quacker(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__): return True
        return NotImplemented
print(isinstance(Duck(), Quacker), issubclass(int, Quacker))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), isinstance("s", Reg))
from collections.abc import Sequence, Mapping, Iterable, Iterator, Callable, Hashable, Sized, Container, MutableMapping, Set, Generator
class MySeq(Sequence):
    def __init__(self, d): self.d = d
    def __getitem__(self, i): return self.d[i]
    def __len__(self): return len(self.d)
ms = MySeq([1, 2, 3, 2])
print(list(ms), ms.index(2), ms.count(2), 3 in ms, list(reversed(ms)), isinstance(ms, Iterable))
class MyMap(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MyMap(); mm["a"] = 1; mm.update(b=2); mm.setdefault("c", 3)
print(dict(mm), mm.get("z", 0), list(mm.items()), mm.pop("a"), len(mm), "b" in mm, mm == {"b": 2, "c": 3})
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance(iter([]), Iterator), isinstance(len, Callable), isinstance([], Hashable), isinstance((x for x in []), Generator), isinstance({1}, Set), isinstance("", Sized))
try:
    class Incomplete(Sequence): pass
    Incomplete()
except TypeError as e:
    print(e)
class Meta(ABCMeta): pass
class WithM(metaclass=Meta):
    @abstractmethod
    def f(self): pass
try:
    WithM()
except TypeError as e:
    print(e)
class StaticAbs(ABC):
    @staticmethod
    @abstractmethod
    def s(): ...
    @classmethod
    @abstractmethod
    def c(cls): ...
try:
    StaticAbs()
except TypeError as e:
    print(e)

