# The gc module's controls, and automatic collection keeping live data
# intact while it frees garbage.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 7)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) for c in count))
print(gc.garbage)

for bad in [lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect("2"),
            lambda: gc.set_threshold(), lambda: gc.set_threshold(1, 2, 3, 4),
            lambda: gc.set_threshold(1.5), lambda: gc.set_threshold(2**31),
            lambda: gc.set_threshold(700, -2**40), lambda: gc.enable(1)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)


# Automatic collection: garbage cycles made in loops do not pile up, and
# live structures (a tree with parent links, a graph of instances,
# closures) come out intact however many collections ran meanwhile.
class TreeNode:
    def __init__(self, parent, depth):
        self.parent = parent
        self.children = []
        if depth:
            for _ in range(3):
                self.children.append(TreeNode(self, depth - 1))


def size(node):
    return 1 + sum(size(c) for c in node.children)


def parents_ok(node):
    return all(c.parent is node and parents_ok(c) for c in node.children)


def make_counter(start):
    def counter():
        return counter, start
    return counter


tree = TreeNode(None, 7)
counters = []
for i in range(20000):
    garbage = TreeNode(None, 1)
    junk = [i]
    junk.append(junk)
    counter = make_counter(i)
    if i % 1000 == 0:
        counters.append(counter)
print(size(tree), parents_ok(tree))
print([c()[1] for c in counters][:5], all(c()[0] is c for c in counters))


def gen(items):
    for item in items:
        yield item


# A generator's frame keeps what it references alive.
g = gen([[n] for n in range(5)])
next(g)
for _ in range(5000):
    cycle = []
    cycle.append(cycle)
gc.collect()
print(list(g))

gc.disable()
for _ in range(5000):
    cycle = []
    cycle.append(cycle)
print(gc.collect() >= 4000)
gc.enable()
del tree
print(gc.collect() > 3000)

# Generation 0 counts containers made less those freed (CPython's count): a
# loop that frees what it makes never fills it, garbage cycles do.
gc.collect()
start = gc.get_count()[0]
for i in range(10000):
    x = [i]
print(gc.get_count()[0] - start < 20)
class Node:
    pass
gc.collect()
for i in range(300):
    a = Node()
    a.me = a
print(gc.get_count()[0] >= 300)
print(gc.collect() >= 299, gc.get_count()[0] < 10)
