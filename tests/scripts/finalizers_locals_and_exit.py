# __del__ and generator finalization: when each runs (at the death of the
# last reference, before the next statement), in which order, and at exit.
import sys
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("close", tag)
def use():
    g = gen("local")
    next(g)
    r = R("in-use")
    return "ret"
print(use())
for x in gen("loop"):
    break
print("after loop")
items = [R(i) for i in range(3)]
items.pop()
print("popped")
items = None
print("none")
d = {"a": R("da")}
d["a"] = 1
print("replaced")
o = R("attr-holder")
o.child = R("child")
o.child = None
print("child gone")
g2 = gen("global")
next(g2)
keep = R("kept")
def tail():
    raise SystemExit(3)
tail()
