# types.MethodType and type(obj.method) construct bound methods.
import types


class C:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n


def get_n(self, extra=0):
    return self.n + extra


c = C(5)
bm = types.MethodType(get_n, c)
print(bm(), bm(extra=2), bm.__self__ is c, bm.__func__ is get_n)
print(type(bm) is types.MethodType, type(c.m) is types.MethodType)
bm2 = type(c.m)(get_n, C(7))
print(bm2(1))
c.dyn = types.MethodType(get_n, c)
print(c.dyn(10))
# Any callable binds, and the instance may be any object but None.
print(types.MethodType(len, "abcd")())
print(types.MethodType(lambda s, *a: (s, a), 3)(4, 5))
print(types.MethodType(C, 9)().n)
for args, kw in [((get_n,), {}), ((1, c), {}), ((get_n, None), {}), ((get_n, c, 3), {}), ((get_n, c), {"x": 1}), ((), {})]:
    try:
        types.MethodType(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
