# Ranges whose bounds leave 64 bits iterate like any other (CPython's
# longrange_iterator), in for loops, comprehensions, list() and reversed().
big = 2**64
for i in range(big, big + 2):
    print(i)
print([i for i in range(big, big + 6, 2)])
print({i % 7 for i in range(-big, -big + 3)})
print(list(reversed(range(-2**70, -2**70 + 7, 3))), list(reversed(range(big, big))))
it = iter(range(2**63 - 2, 2**63 + 2))
print(type(it).__name__, it.__length_hint__())
print(next(it), list(it))
print(sum(range(big, big + 1000)))
print([(a, b) for a, b in zip(range(big, big + 3), range(3))])
