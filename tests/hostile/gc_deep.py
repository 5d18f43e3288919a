# The cycle collector must not recurse on the machine stack: it traverses,
# keeps alive and frees structures a million levels deep.
import gc

# Live: a million-deep nested list survives collections.
x = []
for i in range(1000000):
    x = [x]
gc.collect()
depth = 0
y = x
while y:
    y = y[0]
    depth += 1
print(depth)

# Garbage: the innermost list points back at the outermost.
inner = x
while inner:
    inner = inner[0]
inner.append(x)
del x, y, inner
print(gc.collect() >= 1000000)


# A long chain of instances closing into a ring, and a chain of closures.
class Link:
    __slots__ = ("next",)


first = last = Link()
for i in range(300000):
    last.next = Link()
    last = last.next
last.next = first
del first, last
print(gc.collect() >= 300000)


def chain(n):
    f = None
    for _ in range(n):
        def f(prev=f):
            return prev
    return f


head = chain(100000)
head.__defaults__[0].__defaults__[0].ring = head
print(gc.collect())
del head
print(gc.collect() >= 100000)
print("ok")
