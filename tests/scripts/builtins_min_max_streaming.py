# min() and max() walk one iterable as it goes (the key function sees each
# item as it comes), with every argument form and error.
def g():
    for i in [3, 1, 4, 1, 5]:
        print("yield", i)
        yield i
print(max(g(), key=lambda x: (print("key", x), x)[1]))
print(min([], default="d"), max(1, 2, 3), min("abc"), max([[1], [2]]))
for bad in [lambda: max(), lambda: max([]), lambda: min(1, 2, default=3), lambda: max(5), lambda: max(1, "a")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(max(iter([2, 9, 4])), min(x for x in range(5, 0, -1)))
