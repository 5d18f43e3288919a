# exec/eval with separate globals and locals: names bind in locals, lookups
# go locals, globals, builtins; locals may be any mapping.
g = {}
l = {}
exec("x = 1\ndef f(a=x): return a\nclass K:\n    z = 3\n    w = [z]\ny = 2\nprint(f(), K.z, K.w, x + y)", g, l)
print(sorted(l), sorted(k for k in g if k != '__builtins__'))
print(eval("x + y", g, l))
g2 = {"x": 10, "q": 7}
exec("x = 1\nprint(x, q)\ndef s():\n    global q\n    q = 8\ns()", g2, {})
print(g2["x"], g2["q"])
try:
    exec("def h(): return x\nprint(h())", {}, {"x": 1})
except NameError as e:
    print(e)
class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print("get", k); return self.d[k]
    def __setitem__(self, k, v):
        print("set", k); self.d[k] = v
    def __delitem__(self, k):
        print("del", k); del self.d[k]
m = M()
exec("a = 1\nb = a + 1\nprint(b)\ndel a\nprint(len)\ndef f(p=b): return p\nprint(f())", {}, m)
print(sorted(m.d))
print(eval("b * 2", {}, m))
try:
    exec("print(nope)", {}, m)
except NameError as e:
    print(e)
print(eval("[i for i in range(3)]", {}, {"i": 9}))
exec("for i in range(2): pass\nprint(i)", {}, l)
print(l["i"])
class D(dict):
    def __setitem__(self, k, v):
        print("D set", k)
        super().__setitem__(k, v)
    def __missing__(self, k):
        return "missing-" + k
d = D()
exec("a = 1\nb = (a, zz)", {}, d)
print(dict(d))
code = compile("u = 5\nv = u * 2", "<c>", "exec")
l = {}
exec(code, {}, l)
print(l)
l2 = {}
exec("class A:\n    x = 1\n    def m(self): return self.x\nprint(A().m())\nprint(sorted(locals()))", {}, l2)
try:
    exec("1", {}, 5)
except TypeError as e:
    print(e)
try:
    eval("1", {}, [])
except TypeError as e:
    print(e)
print(eval("locals() is l", {"l": l}, l))
g = {}
exec("import math as mm\nfrom math import pi\nx: int = 3", g, l)
print(sorted(l), l["__annotations__"], "mm" in g)
def outer():
    y = 4
    return eval("y + 1")
print(outer())
