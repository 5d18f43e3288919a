# Comprehensions unpacking pairs from dict items, enumerate and zip
# (handed over without a tuple), with the fallbacks and errors.
d = {"a": 1, "b": 2, "c": 3}
print([(k, v) for k, v in d.items()], {v: k for k, v in d.items() if v > 1})
print([i * x for i, x in enumerate("abc")], [a + b for a, b in zip([1, 2], [3, 4, 5])])
print({(a, b) for a, b in [(1, 2), [3, 4]]})
print([x for a, b in zip([1, 2], [3, 4]) for x in (a, b)])
try:
    [a for a, b in zip([1], [2], [3])]
except ValueError as e:
    print(e)
try:
    [a for a, b in iter([(1, 2, 3)])]
except ValueError as e:
    print(e)
g = ((k, v) for k, v in d.items())
print(list(g))
def f():
    return [(i, c) for i, c in enumerate(d.values(), 10)]
print(f())
it = iter({1: 2}.items())
print([k + v for k, v in it], list(it))
