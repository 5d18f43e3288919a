# --- t10_ops ---
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"V{self.c}"
    def __add__(self, o):
        if isinstance(o, V): return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)): return V(*[a + o for a in self.c])
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k): return V(*[a * k for a in self.c])
    def __rmul__(self, k): return V(*[k * a for a in self.c])
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __bool__(self): return any(self.c)
    def __lt__(self, o): return abs(self) < abs(o)
    def __contains__(self, x): return x in self.c
    def __iter__(self): return iter(self.c)
    def __invert__(self): return V(*reversed(self.c))
    def __truediv__(self, k): return V(*[a / k for a in self.c])
    def __rtruediv__(self, k): return V(*[k / a for a in self.c])
    def __floordiv__(self, k): return V(*[a // k for a in self.c])
    def __mod__(self, k): return V(*[a % k for a in self.c])
    def __pow__(self, k, mod=None): return V(*[pow(a, k, mod) for a in self.c])
    def __rpow__(self, b): return V(*[b ** a for a in self.c])
    def __lshift__(self, k): return V(*(self.c[k:] + self.c[:k]))
    def __and__(self, o): return "and"
    def __rand__(self, o): return "rand"
    def __or__(self, o): return "or"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rxor__(self, o): return "rxor"
    def __rsub__(self, o): return "rsub"
    def __sub__(self, o): return "sub"
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"
v = V(1, 2)
print(v + V(3, 4), v + 1, 1 + v, v * 3, 3 * v, -v, +v, abs(V(3, 4)))
print(v == V(1, 2), v != V(1, 2), v == 3, len(v), v[0], v[-1], bool(V(0, 0)), 2 in v, list(v), ~v)
print(v / 2, 2 / v, v // 2, v % 2, v ** 2, pow(v, 2, 3), 2 ** v, v << 1)
print(v & 1, 1 & v, v | 1, 1 | v, v ^ 1, 1 ^ v, 1 - v, v - 1, divmod(v, 1), divmod(1, v))
print(sorted([V(3, 4), V(1, 0), V(0, 2)]), max(V(1, 1), V(5, 0)), min([V(2, 2), V(1, 1)]))
print(sum([V(1, 1), V(2, 2)], V(0, 0)), sum([V(1, 1), V(2, 2)]))
try:
    v + "s"
except TypeError as e:
    print(e)
try:
    "s" + v
except TypeError as e:
    print(e)
try:
    v < 3
except TypeError as e:
    print(e)
class A:
    pass
try:
    A() < A()
except TypeError as e:
    print(e)
try:
    A() + 1
except TypeError as e:
    print(e)
try:
    -A()
except TypeError as e:
    print(e)
try:
    len(A())
except TypeError as e:
    print(e)
try:
    A()[0]
except TypeError as e:
    print(e)
try:
    A()()
except TypeError as e:
    print(e)
try:
    iter(A())
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [1] * 2.0
except TypeError as e:
    print(e)
try:
    {} + {}
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    A().foo
except AttributeError as e:
    print(e)
try:
    A.foo
except AttributeError as e:
    print(e)
class Sub(V):
    def __radd__(self, o): return "Sub.radd"
print(V(1) + Sub(1))
class RO:
    def __eq__(self, o): print("RO.eq"); return NotImplemented
print(RO() == RO(), RO() != 1)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return self.v > o.v
print(Ord(1) < Ord(2), Ord(1) > Ord(2), sorted([Ord(3), Ord(1)])[0].v)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(10)[Idx()], hex(Idx()), [1, 2, 3, 4][Idx():])
class Num:
    def __int__(self): return 7
    def __float__(self): return 7.5
    def __complex__(self): return 1j
print(int(Num()), float(Num()), complex(Num()))
class Cmp:
    def __eq__(self, o): return "truthy"
print(Cmp() == 1, [Cmp()] == [1] , 1 in [Cmp()])
class IAdd(list):
    def __iadd__(self, o):
        print("iadd"); return super().__iadd__(o)
ia = IAdd([1]); ia += [2]; print(ia)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, divmod(-7, 2), 7.5 // 2, -7.5 % 2, 2 ** -1, (-8) ** (1/3) if False else 0, 0 ** 0)
print(True + True, True * 3, -True, ~True, 3 / 2, 4 / 2, 1e308 * 10, -1e308 * 10)
try: 1 / 0
except ZeroDivisionError as e: print(e)
try: 1 // 0
except ZeroDivisionError as e: print(e)
try: 1 % 0
except ZeroDivisionError as e: print(e)
try: 1.0 / 0
except ZeroDivisionError as e: print(e)
try: 1.0 // 0.0
except ZeroDivisionError as e: print(e)
try: 0.0 ** -1
except ZeroDivisionError as e: print(e)
try: divmod(1, 0)
except ZeroDivisionError as e: print(e)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 == True, "a" < "b" <= "b", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(3 & 5, 3 | 5, 3 ^ 5, ~5, 1 << 70, -1 >> 3, 2 ** 100 % 7, pow(3, -1, 7), pow(2, 10, 1000))
try: 1 << -1
except ValueError as e: print(e)

# --- t11_getattr ---
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        print("proxy getattr", name)
        return getattr(self._t, name)
    def __setattr__(self, name, v):
        print("proxy setattr", name)
        setattr(self._t, name, v)
class T:
    a = 1
p = Proxy(T())
print(p.a)
p.b = 2
print(p._t.b)
try:
    p.zzz
except AttributeError as e:
    print(e)
class Logged:
    def __init__(self): self.x = 1
    def __getattribute__(self, n):
        if n.startswith("secret"):
            raise AttributeError(f"no {n}")
        return super().__getattribute__(n)
    def __getattr__(self, n):
        return f"fallback {n}"
l = Logged()
print(l.x, l.secret_key, l.other)
class Lazy:
    def __getattr__(self, n):
        if n == "computed":
            self.computed = 99
            return 99
        raise AttributeError(n)
z = Lazy()
print(z.computed, z.__dict__, getattr(z, "nope", "dflt"), hasattr(z, "nope"))
class Prop:
    @property
    def bad(self):
        raise AttributeError("inner")
    def __getattr__(self, n):
        return "getattr:" + n
print(Prop().bad)
class E:
    def __eq__(self, o): return True
try:
    hash(E())
except TypeError as e:
    print(e)
print(E.__hash__)
class EH:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EH) and self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({EH(1), EH(1), EH(2)}), EH(1) in {EH(1): 0}, {EH(3): "a"}[EH(3)])
class Parent:
    def __hash__(self): return 1
class Kid(Parent):
    def __eq__(self, o): return False
try:
    hash(Kid())
except TypeError as e:
    print(e)
class Kid2(Parent):
    def __eq__(self, o): return False
    __hash__ = Parent.__hash__
print(hash(Kid2()))
class DictLike:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __missing__(self, k): return "never"
dl = DictLike(); dl["a"] = 1; print(dl["a"]); del dl["a"]
try:
    dl["a"]
except KeyError as e:
    print("KeyError", e)
class DM(dict):
    def __missing__(self, k):
        self[k] = k * 2
        return self[k]
dm = DM()
print(dm[3], dm, dm.get(4), 4 in dm)
class SeqOnly:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(SeqOnly()), 20 in SeqOnly(), [x for x in SeqOnly()])
a, b, c = SeqOnly()
print(a, b, c)
class Dir:
    def __dir__(self): return ["b", "a"]
print(dir(Dir()))
print(getattr(5, "real"), getattr([], "append").__name__)
class Slots:
    __slots__ = ("x",)
    def __getattr__(self, n): return "ga:" + n
print(Slots().x)
class Desc:
    def __get__(self, o, t): return "desc"
class Both:
    d = Desc()
    def __getattr__(self, n): return "ga"
b = Both(); b.__dict__["d"] = "inst"
print(b.d)
class DD:
    def __get__(self, o, t): return "dd-get"
    def __set__(self, o, v): print("dd-set", v)
class Both2:
    d = DD()
b2 = Both2(); b2.__dict__["d"] = "inst"; b2.d = 5
print(b2.d)
print(type(b2).__dict__["d"].__class__.__name__)
class AttrErrInGetattr:
    def __getattr__(self, n):
        raise AttributeError(f"custom {n}")
try:
    AttrErrInGetattr().q
except AttributeError as e:
    print(e)
obj = object()
try:
    obj.x = 1
except AttributeError as e:
    print(e)
try:
    setattr(1, "x", 1)
except AttributeError as e:
    print(e)
try:
    del T().nonexist
except AttributeError as e:
    print(e)
class Fn:
    pass
f = Fn()
setattr(f, "dyn attr", 5)
print(getattr(f, "dyn attr"), f.__dict__)
delattr(f, "dyn attr")
print(f.__dict__)

# --- u04_matrix ---
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __matmul__(self, o):
        return Matrix([[sum(self[i, k] * o[k, j] for k in range(self.m)) for j in range(o.m)] for i in range(self.n)])
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def T(self):
        return Matrix(list(zip(*self.rows)))
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __str__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(str(x).rjust(w) for x in r) for r in self.rows)
a = Matrix([[1, 2], [3, 4]])
b = Matrix.identity(2)
print(a @ b == a, a + b, 2 * a, a * 0.5)
print(a.T())
print(str(a @ a))
a[0, 1] = 10
print(a.rows, a[1, 0])
def det(m):
    if m.n == 1: return m[0, 0]
    if m.n == 2: return m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]
    return sum((-1) ** j * m[0, j] * det(Matrix([r[:j] + r[j + 1:] for r in m.rows[1:]])) for j in range(m.m))
print(det(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]])), det(a))
from fractions import Fraction
f = Matrix([[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 4), 1]])
print(f @ f)
print(repr(f @ f))

