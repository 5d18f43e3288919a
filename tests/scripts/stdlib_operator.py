import operator
class A: pass
a = A(); a.b = A(); a.b.c = 5; a.x = "x"
print(operator.attrgetter("x")(a), operator.attrgetter("b.c")(a), operator.attrgetter("x", "b.c")(a))
print(repr(operator.attrgetter("x", "b.c")), repr(operator.itemgetter(1, "k")), operator.itemgetter(1).__reduce__())
print(operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"), operator.itemgetter(slice(1, None))([1, 2, 3]))
print(operator.itemgetter("k", "j")({"k": 1, "j": 2}), operator.attrgetter("x").__reduce__())
for bad in [lambda: operator.attrgetter(1), lambda: operator.attrgetter("x", 2), lambda: operator.attrgetter("nope")(a),
            lambda: operator.itemgetter(5)([1]), lambda: operator.length_hint([], "x"), lambda: operator.methodcaller(3)]:
    try:
        bad()
    except (TypeError, AttributeError, IndexError) as e:
        print(type(e).__name__, e)
class H:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
class BadLen:
    def __len__(self): raise TypeError("no")
    def __length_hint__(self): return 4
print(operator.length_hint([1, 2]), operator.length_hint(range(3)), operator.length_hint(H(7)), operator.length_hint(object(), 9))
print(operator.length_hint(H(NotImplemented), 3), operator.length_hint(BadLen()))
for v in ["x", -1]:
    try:
        operator.length_hint(H(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=operator.itemgetter(0)), operator.methodcaller("split", ",")("a,b"))
print(operator.add(1, 2), operator.indexOf([3, 4], 4), operator.call(max, 1, 5), operator.concat([1], [2]))
