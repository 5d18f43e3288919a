import copy
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
class S:
    __slots__ = ("a", "__b")
    def __init__(self): self.a = [1]; self.__b = [2]
    def get(self): return self.__b
class Custom:
    def __init__(self): self.log = []
    def __copy__(self): print("__copy__"); return "shallow"
    def __deepcopy__(self, memo): print("__deepcopy__", type(memo).__name__); return "deep"
class Red:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (Red, (self.v * 2,))
class St:
    def __init__(self): self.v = 1
    def __getstate__(self): return {"v": self.v + 10}
    def __setstate__(self, s): print("setstate", s); self.__dict__.update(s)
class L(list): pass
class D(dict): pass
class I(int): pass
class T(tuple): pass
a = [1, [2, 3], {"k": [4]}, (5, [6]), P(1, [2])]
s = copy.copy(a); d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]["k"] is a[2]["k"], d[3] is a[3], d[4].y is a[4].y, d)
t = (1, 2, "x"); print(copy.deepcopy(t) is t, copy.copy(t) is t)
r = [1]; r.append(r); rc = copy.deepcopy(r); print(rc[1] is rc, rc is not r)
tt = ([],); tt[0].append(tt); tc = copy.deepcopy(tt); print(tc[0][0] is tc, tc is not tt)
sh = [object()] * 2; shc = copy.deepcopy(sh); print(shc[0] is shc[1], shc[0] is not sh[0])
so = S(); so2 = copy.deepcopy(so); print(so2.a, so2.get(), so2.a is so.a, copy.copy(so).a is so.a)
print(copy.copy(Custom()), copy.deepcopy(Custom()))
print(copy.copy(Red(3)).v, copy.deepcopy(Red(3)).v)
print(copy.copy(St()).v, copy.deepcopy(St()).v)
l = L([1, [2]]); l.tag = "t"; lc = copy.deepcopy(l); print(type(lc).__name__, lc, lc.tag, lc[1] is l[1])
dd = D(a=[1]); dc = copy.copy(dd); print(type(dc).__name__, dc, dc["a"] is dd["a"])
print(type(copy.copy(I(5))).__name__, copy.deepcopy(I(7)), type(copy.deepcopy(T((1, [2])))).__name__)
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.deepcopy(copy.copy) is copy.copy)
st = {1, 2, (3,)}; print(copy.deepcopy(st) == st, copy.copy(st) is st, copy.copy(frozenset([1])))
ba = bytearray(b"ab"); print(copy.copy(ba) is ba, copy.deepcopy(ba))
class M:
    def m(self): return self
o = M(); bm = copy.deepcopy(o.m); print(bm() is o, type(bm().__class__).__name__)
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(y[0] is y[1], id(x) in memo)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
