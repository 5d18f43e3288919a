# __del__ and generator finalization: when each runs (at the death of the
# last reference, before the next statement), in which order, and at exit.
def gen(tag):
    try:
        yield 1
    finally:
        print("close", tag)
gs = [gen(i) for i in range(3)]
for g in gs: next(g)
del g
gs.clear()
print("--")
gs = [gen(i) for i in range(3)]
for g in gs: next(g)
del g
gs = None
print("--")
t = tuple(gen(i) for i in range(3))
for g in t: next(g)
del g
del t
print("--")
d = {i: gen(i) for i in range(3)}
for g in d.values(): next(g)
del g
d = None
print("end")
