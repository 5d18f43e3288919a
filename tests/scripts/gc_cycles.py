# Unreachable reference cycles of every common shape are found and freed by
# gc.collect(); reachable ones are left intact.
import gc

gc.collect()
print("nothing to find:", gc.collect())


def freed(label, make):
    make()
    n = gc.collect()
    print(label, n > 0, gc.collect())


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def method(self):
        return self.name


def two_instances():
    a, b = Node("a"), Node("b")
    a.peer, b.peer = b, a


def self_list():
    items = [1, 2]
    items.append(items)


def self_dict():
    d = {"k": 1}
    d["self"] = d


def closure_capturing_itself():
    def f():
        return f
    return f


def bound_method_of_self():
    n = Node("m")
    n.callback = n.method


def tuple_in_list():
    items = []
    items.append((items, 1))


def set_of_instance():
    n = Node("s")
    n.group = frozenset([n, 1])


def local_class():
    class Local:
        registry = []

        def __init__(self):
            Local.registry.append(self)

        @classmethod
        def make(cls):
            return super().__new__(cls)

        @property
        def kind(self):
            return type(self).__name__

        @staticmethod
        def helper():
            return Local

    Local()
    Local.make()


def exception_cycle():
    try:
        raise ValueError("boom")
    except ValueError as e:
        e.keep = e


def default_argument():
    box = []

    def f(x=box):
        return x
    box.append(f)


def cell_through_nonlocal():
    value = None

    def set_value():
        nonlocal value
        value = set_value
    set_value()


def instance_dict_escaped():
    n = Node("d")
    n.namespace = n.__dict__


def long_chain():
    first = Node(0)
    node = first
    for i in range(1, 1000):
        node.peer = Node(i)
        node = node.peer
    node.peer = first


for label, make in [
    ("two instances", two_instances),
    ("self-referencing list", self_list),
    ("self-referencing dict", self_dict),
    ("closure capturing itself", closure_capturing_itself),
    ("bound method of self", bound_method_of_self),
    ("tuple in list", tuple_in_list),
    ("frozenset of instance", set_of_instance),
    ("local class", local_class),
    ("exception cycle", exception_cycle),
    ("default argument", default_argument),
    ("cell through nonlocal", cell_through_nonlocal),
    ("escaped instance dict", instance_dict_escaped),
    ("long chain", long_chain),
]:
    freed(label, make)

# Reachable cycles survive collections untouched.
keep = Node("kept")
keep.peer = keep
keep.callback = keep.method
ring = [Node(i) for i in range(100)]
for i, n in enumerate(ring):
    n.peer = ring[(i + 1) % len(ring)]
loop = []
loop.append(loop)
f = closure_capturing_itself()
print("kept:", gc.collect())
print(keep.peer is keep, keep.callback(), loop[0] is loop, f() is f)
print(all(n.peer is ring[(i + 1) % 100] for i, n in enumerate(ring)))
del ring, n
print("ring freed:", gc.collect() >= 100)
