def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, c=5, e=6))
print(f(a=1, c=2, d=3, z=0))
name = "".join(["c"])
print(f(1, **{name: 9}))
def g(x, /, y):
    return x, y
try:
    g(x=1, y=2)
except TypeError as e:
    print(e)
try:
    f(1, a=2, c=3)
except TypeError as e:
    print(e)
def h(p, q):
    return p - q
print(h(q=1, p=5), h(**{"p": 7, "q": 2}))
