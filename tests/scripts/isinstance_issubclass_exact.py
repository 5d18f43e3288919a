# isinstance answers an exact type first; issubclass keeps its own rules
# (an instance as first argument is a TypeError, a metaclass check runs).
class C: pass
class M(type):
    def __subclasscheck__(cls, sub): return sub is int
class D(metaclass=M): pass
for a, b in [(C(), C), (C, C), (int, D), (str, D), (bool, int), (3, int), (C, (int, C))]:
    try:
        print(issubclass(a, b))
    except TypeError as e:
        print("TypeError", e)
print(isinstance(C(), C), isinstance(True, int), isinstance(3, D), isinstance(C(), (int, C)))
