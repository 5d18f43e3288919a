import inspect, functools
from typing import List, Optional
def f(a, b: int, /, c=3, *args: str, d, e: float = 1.5, **kw) -> bool: pass
def g(x, y=None): pass
def h(*, k): pass
def z(): pass
class C:
    def __init__(self, name: str, age: int = 0): pass
    def method(self, q, /, r=1): pass
    def __call__(self, v): pass
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def wrapped(p, q=2): pass
def typed(a: List[int], b: Optional[str] = None, c: "Fwd" = 1) -> Optional[int]: pass
for obj in [f, g, h, z, C, C(1).method, C("x"), wrapped, typed, lambda a, *b: 0]:
    print(inspect.signature(obj))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is p.empty, p.annotation, str(p), repr(p), p.kind.name if hasattr(p.kind, "name") else "")
print(sig.return_annotation, repr(sig), list(sig.parameters))
b = inspect.signature(g).bind(1)
print(b.arguments, b.args, b.kwargs); b.apply_defaults(); print(b.arguments, b)
b2 = inspect.signature(f).bind(1, 2, 3, 4, 5, d=6, z=7)
print(b2.arguments, b2.args, b2.kwargs)
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"q": 2})]:
    try:
        inspect.signature(g).bind(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    inspect.signature(h).bind()
except TypeError as e:
    print("TypeError", e)
print(inspect.signature(g) == inspect.signature(g), inspect.Parameter.POSITIONAL_ONLY < inspect.Parameter.KEYWORD_ONLY)
params = [inspect.Parameter("x", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=1)]
print(inspect.Signature(params), inspect.Signature(params, return_annotation=int))
