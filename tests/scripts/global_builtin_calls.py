# Calls of global names that are native functions: shadowed, restored,
# patched in builtins, missing, and the frame-reading ones.
def f():
    return len([1, 2]), isinstance(3, int), min(4, 2)
print(f())
len = lambda x: "shadowed"
print(f())
del len
print(f())
import builtins
builtins.isinstance = lambda a, b: "patched"
print(f())
try:
    undefined_fn(1)
except NameError as e:
    print(e)
def g():
    return globals()["__name__"], vars()
print(g())
