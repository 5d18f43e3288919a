class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("recursive repr")
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError("eq")
d = {BadEq(): 1}
try:
    d[BadEq()]
except ValueError as e:
    print("eq raised", e)
class BadHash:
    def __hash__(self): raise TypeError("no hash")
try:
    {BadHash(): 1}
except TypeError as e:
    print(e)
class BadLt:
    def __lt__(self, o): raise ArithmeticError("lt")
try:
    sorted([BadLt(), BadLt(), BadLt()])
except ArithmeticError as e:
    print("sort", e)
l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print(e)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print(e)
class Mut:
    def __eq__(self, o):
        d2.clear()
        return False
    def __hash__(self): return 5
d2 = {Mut(): 1}
try:
    print(d2.get(Mut()))
except RuntimeError as e:
    print("mutated", e)
class Boom:
    def __len__(self): raise IndexError("len")
    def __iter__(self): raise KeyError("iter")
    def __bool__(self): raise ZeroDivisionError("bool")
for op in (len, list, bool):
    try:
        op(Boom())
    except Exception as e:
        print(op.__name__, type(e).__name__)
