# Scope resolution: locals, cells, free variables, global/nonlocal, class scopes.
x = "global"
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
        return x
    r = inner()
    return r, x
print(outer(), x)

def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(10))

def set_global():
    global x
    x = "rebound"
set_global()
print(x)

def make_adders():
    return [lambda v, i=i: v + i for i in range(3)], [lambda: i for i in range(3)]
early, late = make_adders()
print([f(10) for f in early], [f() for f in late])

class K:
    y = 1
    z = [y * 2 for _ in range(2)] if False else None
    def method(self):
        return y
y = "module y"
print(K().method(), K.y)

def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    q = 1
unbound()

def walrus(data):
    if (n := len(data)) > 2:
        return [(y := v) * 2 for v in data], y, n
print(walrus([1, 2, 3]))

class Acc:
    def __init__(self):
        self.__secret = 42
    def peek(self):
        return self.__secret
a = Acc()
print(a.peek(), a._Acc__secret, hasattr(a, "__secret"))
