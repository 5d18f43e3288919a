# List, tuple and dict subclasses that override __iter__, __len__, __bool__ or
# items(): what CPython 3.11's C encoder and its pure-Python one (indented
# output) each read of them.
import json
class Rev(list):
    def __iter__(self):
        return reversed(list(super().__iter__()))
class Empty(list):
    def __len__(self):
        return 0
class T(tuple):
    def __iter__(self):
        yield "from iter"
class Items(dict):
    def items(self):
        return [("x", 1)]
class Falsy(dict):
    def __len__(self):
        return 0
class Pretend(dict):
    def __bool__(self):
        return True
    def items(self):
        return [("made", "up")]
values = [Rev([1, 2, 3]), Empty([1, 2]), T((1, 2)), Items(a=2), Falsy(a=1), Pretend(), [Rev([1, [Rev([4, 5])]])], {"k": T((9,))}]
for v in values:
    print(json.dumps(v), json.dumps(v, indent=1).replace("\n", "|"), json.dumps(v, indent=None, sort_keys=True))
from collections import namedtuple
P = namedtuple("P", "x y")
print(json.dumps([P(1, 2)]), json.dumps({"p": P(3, [4])}, indent=2))
