# __del__ and generator finalization: when each runs (at the death of the
# last reference, before the next statement), in which order, and at exit.
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
outer = {"x": {"a": R("xa"), "b": R("xb")}, "y": [R("y0"), R("y1")], "z": (R("z0"), R("z1"))}
outer = None
print("--")
class Holder:
    pass
h = Holder()
h.a = R("ha"); h.b = R("hb")
h = None
print("--")
import gc
class Cyc:
    def __init__(self): self.me = self
    def __del__(self): print("cyc del")
c = Cyc(); del c
print("before collect")
gc.collect()
print("after collect")
def g():
    r = R("gen-local")
    yield 1
it = g(); next(it); it = None
print("end")
