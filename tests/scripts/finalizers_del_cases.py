# __del__ and generator finalization: when each runs (at the death of the
# last reference, before the next statement), in which order, and at exit.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name, self.other.name if self.other else None)
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("collect", gc.collect() > 0)
print("after")

class Bad:
    def __del__(self):
        raise ValueError("oops")
x = Bad()
del x
print("survived")

class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)
class Child(Base):
    pass
c = Child()
c = None

class S:
    __slots__ = ("v",)
    def __init__(self, v): self.v = v
    def __del__(self): print("slot del", self.v)
s = S(7)
del s

keep = []
class Phoenix:
    def __del__(self):
        print("phoenix del")
        keep.append(self)
p = Phoenix()
del p
print(len(keep))
keep.clear()
print("cleared")

class E(Exception):
    def __del__(self):
        print("E del", self.args)
try:
    raise E(1)
except E:
    pass
print("after except")

def f():
    n = Node("local")
    return 5
print(f())

class Late: pass
Late.__del__ = lambda self: print("late del")
l = Late()
del l
print("end")
_private = Node("_p")
z = Node("z")
