class Meta(type):
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created = True
        return inst
    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2])
    def __contains__(cls, x):
        return x == "in"
class W(metaclass=Meta):
    def __init__(self, v): self.v = v
w = W(1)
print(w.created, W["k"], len(W), list(W), "in" in W, "out" in W)
class Ops(type):
    def __or__(cls, other): return f"{cls.__name__}|{other.__name__}"
    def __add__(cls, other): return "added"
    def __eq__(cls, other): return cls.__name__ == getattr(other, "__name__", None)
    def __hash__(cls): return hash(cls.__name__)
    def __invert__(cls): return "inverted"
class A(metaclass=Ops): pass
class B(metaclass=Ops): pass
print(A | B, A + B, ~A, A == A, A == B)
print(type(A).__name__, type(type(A)).__name__, isinstance(A, Ops), isinstance(A, type))
class Base:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Base[int], Base["x", 1])
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __imul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __ipow__(self, k):
        return NotImplemented
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __ifloordiv__(self, k):
        self.x //= k; self.y //= k
        return self
v = Vec(1, 2); orig = v
v += Vec(3, 4); print(v, v is orig)
v *= 2; print(v, v is orig)
v **= 2; print(v)
v //= 3; print(v)
vs = [Vec(1, 1)]
vs[0] += Vec(1, 1); print(vs)
class Holder: pass
h = Holder(); h.v = Vec(0, 0); h.v += Vec(5, 5); print(h.v)
d = {"k": Vec(1, 0)}; d["k"] *= 3; print(d)
print(sorted([Vec(2, 1), Vec(1, 2)], key=lambda p: (p.y, p.x)))
