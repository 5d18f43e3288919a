# isinstance() against ABCs: answers from the positive and negative caches
# (abc.py) follow registrations and __class__ overrides.
import abc, collections.abc as cabc
class A(abc.ABC): pass
class X: pass
x = X()
print(isinstance(x, A), isinstance(x, A))
A.register(X)
print(isinstance(x, A))
class B(abc.ABC): pass
print(isinstance(x, B))
class Y: pass
print(isinstance(Y(), cabc.Hashable), isinstance([], cabc.Hashable), isinstance([], cabc.Sized))
B.register(Y)
print(isinstance(Y(), B), issubclass(Y, B))
class Liar:
    @property
    def __class__(self): return int
print(isinstance(Liar(), cabc.Hashable), isinstance(Liar(), A))
