# `for a, b in ...` over iterators that make pairs: enumerate, zip,
# dict items; every kind of target, and the errors on the way.
d = {"a": 1, "b": 2, "c": 3}
for i, x in enumerate("xyz"):
    print(i, x, end="; ")
print()
for i, x in enumerate([10, 20], start=5):
    print(i, x, end="; ")
print()
for i, x in enumerate(["p"], start=2**63 - 1):
    print(i, x)
for k, v in d.items():
    print(k, v, end="; ")
print()
for a, b in zip("ab", [1, 2, 3]):
    print(a, b, end="; ")
print()
for a, b in zip(range(3), range(10, 13), strict=True):
    print(a, b, end="; ")
print()
try:
    for a, b in zip([1, 2], [3], strict=True):
        print(a, b)
except ValueError as e:
    print("ValueError", e)
for i, (a, b) in enumerate(zip("xy", "uv")):
    print(i, a, b, end="; ")
print()
for a, *rest in zip("ab", "cd", "ef"):
    print(a, rest, end="; ")
print()


class Box:
    pass


box = Box()
store = {}
for box.k, store["v"] in d.items():
    pass
print(box.k, store)
for a, b in zip([(1, 2)], [3]):
    print(a, b)
try:
    for a, b in zip("abc"):
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for a, b, c in enumerate("ab"):
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for k, v in d.items():
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
del d["new"]
for a, b in zip(iter([1, 2]), (x * 2 for x in range(5))):
    print(a, b, end="; ")
print()
for i, x in enumerate(zip("ab", "cd")):
    print(i, x, end="; ")
print()
n = 0
for i, x in enumerate(range(100000)):
    n += i - x
print(n)
for i, x in enumerate("ab"):
    if i:
        break
else:
    print("not reached")
print("broke at", i, x)
for i, x in enumerate(""):
    pass
else:
    print("empty else")


def gen():
    for i, x in enumerate("gh"):
        yield i, x
    for k, v in {"z": 26}.items():
        yield k, v


print(list(gen()))
print([(i, x) for i, x in enumerate("ab")])
