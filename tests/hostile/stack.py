# Deep nesting that native code would recurse on.
import sys
def nest(n):
    return eval("(" * n + ")" * n)
try:
    nest(100000)
except (RecursionError, MemoryError, SyntaxError) as e:
    print("nested parens:", type(e).__name__)
t = ()
for i in range(100000):
    t = (t,)
try:
    hash(t)
    print("hashed")
except RecursionError:
    print("RecursionError in hash")
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def __eq__(self, o): return self.nxt == o.nxt
a = b = None
for i in range(5000):
    a, b = Node(a), Node(b)
try:
    print(a == b)
except RecursionError:
    print("RecursionError in __eq__")
def gen(n):
    if n:
        yield from gen(n - 1)
    yield n
try:
    print(sum(gen(50000)))
except RecursionError:
    print("RecursionError in yield from")
