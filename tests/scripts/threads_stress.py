# Several threads allocate cyclic garbage, run generators, raise and catch
# exceptions and collect, while the GIL switches between them: the shared
# collector registry and the per-thread exception state must stay coherent.
import gc
import sys
import threading

sys.setswitchinterval(0.0005)


class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def gen(n):
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            yield sys.exc_info()[1].args[0]


def work(k, out):
    total = 0
    for round_ in range(2000):
        root = Node(None)
        for _ in range(20):
            Node(root)
        cycle = {"self": None}
        cycle["self"] = cycle
        try:
            raise ValueError(k)
        except ValueError as e:
            total += sum(gen(5))
            if sys.exc_info()[1] is not e:
                out.append("exception state leaked between threads")
        if round_ % 500 == 0:
            gc.collect()
    out.append(total)


out = []
threads = [threading.Thread(target=work, args=(k, out)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out, key=str))
print(gc.collect() >= 0)
