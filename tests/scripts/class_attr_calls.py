# Calls through a class: plain functions (unbound), staticmethods and
# classmethods (bound to the class called through, a subclass included),
# with metaclasses, replaced attributes, generators and wrong arities.
class Base:
    def __init__(self, x):
        self.x = x

    def show(self, tag):
        return f"{tag}:{self.x}"

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def create(cls, x):
        return cls(x)

    @staticmethod
    def count(n):
        yield from range(n)

    lam = lambda a: a * 2


class Sub(Base):
    def __init__(self, x):
        Base.__init__(self, x * 10)


s = Sub(1)
print(s.x, Base.show(s, "t"), Sub.show(s, "u"), Base.add(2, 3), Sub.add("a", "b"))
print(type(Base.create(4)).__name__, type(Sub.create(4)).__name__, Sub.create(4).x)
print(list(Base.count(3)), Base.lam(21))
for call in [lambda: Base.add(1), lambda: Base.show(), lambda: Base.create(), lambda: Base.nothing(1), lambda: Base.add(1, 2, 3)]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
Base.add = staticmethod(lambda a, b: a * b)
print(Base.add(3, 4), Sub.add(3, 4))
Base.show = lambda self, tag: "replaced " + tag
print(Sub.show(s, "v"))


class Meta(type):
    def helper(cls):
        return "meta helper of " + cls.__name__


class WithMeta(metaclass=Meta):
    def greet(who):
        return "class says hi " + who


print(WithMeta.greet("you"), WithMeta.helper())


class Desc:
    def __get__(self, obj, owner):
        return lambda n: ("desc", owner.__name__, n)


class HasDesc:
    d = Desc()
    p = property(lambda self: 1)


print(HasDesc.d(5), type(HasDesc.p).__name__)
print(int.from_bytes(b"\x01\x00", "big"), str.upper("abc"), dict.fromkeys("ab", 0))


def deep():
    return Base.add(Base.create(1), 1)


try:
    Base.add = staticmethod(lambda a, b: a.x + b + undefined_name)
    deep()
except NameError as e:
    print("NameError", e)
