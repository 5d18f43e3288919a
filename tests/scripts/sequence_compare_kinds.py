# Tuple and list comparisons decided in place (ints, strs, floats) and the
# ones that still need the full protocol (NaN, mixed kinds, nested, bools,
# subclasses, objects with __eq__/__lt__), with every operator.
import itertools
nan = float("nan")
class S(str):
    pass
class Rev:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Rev) and self.v == o.v
    def __lt__(self, o): return self.v > o.v if isinstance(o, Rev) else NotImplemented
    def __repr__(self): return f"Rev({self.v})"
values = [(), (1,), (1, 2), (1, 3), (2,), (1.0, 2), (1, 2.5), ("a",), ("a", "b"), ("b",), (nan,), (nan, 1),
          (-0.0, 1), (0.0, 2), (True, 2), (1, (2, 3)), (1, (2, 4)), (S("a"), 1), (Rev(1),), (Rev(2),), (None,), (1, None)]
ops = ["<", "<=", "==", "!=", ">", ">="]
for a, b in itertools.product(values, repeat=2):
    row = []
    for op in ops:
        try:
            row.append(eval(f"a {op} b"))
        except TypeError as e:
            row.append("TypeError")
    la, lb = list(a), list(b)
    try:
        row.append(la < lb)
    except TypeError:
        row.append("TypeError")
    print(a, b, row)
x = (nan,)
print(x == x, [x] == [x], (nan,) == (nan,), x < x)
recs = [(i % 3, -i, str(i)) for i in range(20)]
print(sorted(recs), sorted(recs, reverse=True)[:3], max(recs), min(recs))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print(e)
