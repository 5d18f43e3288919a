# Bound methods, Python and builtin, are made at each lookup: they are
# equal (and hash alike) when they bind the same object to the same
# function, so they work as dict keys and in sets.
class A:
    def m(self):
        return 1

    def n(self):
        return 2


a, b = A(), A()
print(a.m == a.m, a.m != a.m, a.m == b.m, a.m == a.n)
print(a.m in {a.m}, {a.m: "x"}.get(a.m), hash(a.m) == hash(a.m))

l, k = [], []
print(l.append == l.append, l.append != l.append, l.append == k.append, l.append == l.extend)
print(l.append in {l.append}, {l.append: 1}.get(l.append), hash(l.append) == hash(l.append))
print(l.append in [l.append], [l.append].index(l.append), [k.append, l.append].count(l.append))
print(len == len, len != print, (1).bit_length == (1).bit_length)
callbacks = [l.append, k.append, l.append]
callbacks.remove(l.append)
print(callbacks == [k.append, l.append])
