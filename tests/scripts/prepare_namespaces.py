# __prepare__: a dict subclass is the namespace the metaclass receives, with
# what __prepare__ put in it; a non-mapping is a TypeError.
class Pre(dict):
    pass
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        d = Pre()
        d["injected"] = 42
        return d
    def __new__(mcs, name, bases, ns):
        print(type(ns).__name__, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, dict(ns))
class A(metaclass=Meta):
    x = 1
print(A.injected, A.x)
class Bad(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5
try:
    class B(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError:", e)
class Pre(dict):
    pass
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return Pre(seeded=1)
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.kind = type(ns).__name__
        return cls
class A(metaclass=Meta, flag=True):
    def m(self):
        return __class__
print(A.seeded, A.kind, A().m() is A)
T = type("T", (), Pre(z=3))
print(T.z)
