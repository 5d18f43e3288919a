# One attribute site meeting instances of several classes: dict values,
# class values, properties, slots and a class changed mid-way.
class A:
    def __init__(self): self.v = "a"
class B:
    def __init__(self): self.w = 0; self.v = "b"
class C:
    v = "class C"
class D:
    @property
    def v(self): return "prop D"
class E:
    __slots__ = ("v",)
    def __init__(self): self.v = "slot E"
class F(A):
    pass
objs = [A(), B(), C(), D(), E(), F(), A()]
for round in range(3):
    print([o.v for o in objs])
    for o in objs:
        try:
            o.v = o.v + "!"
        except AttributeError as e:
            print("AttributeError", e)
    if round == 1:
        D.v = "replaced"
        objs[0].__class__ = B
        del objs[1].v
        objs[1].__dict__["v"] = "redone"
