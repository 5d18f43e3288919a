# A global name site that found a builtin: shadowed by a global, the
# global deleted again, the builtin itself replaced, another module's
# globals.
import builtins


def size(x):
    return len(x)


for _ in range(3):
    print(size([1, 2]))
len = lambda x: 42
print(size([1, 2]))
del len
print(size([1, 2]))
saved = builtins.len
builtins.len = lambda x: -1
print(size([1, 2]))
builtins.len = saved
print(size([1, 2]))
g = {}
exec("def size2(x):\n    return len(x) + 1", g)
print(g["size2"]("abc"))
g["len"] = lambda x: 100
print(g["size2"]("abc"))
del g["len"]
print(g["size2"]("abc"))
try:
    del builtins.len
    size([1])
except NameError as e:
    print("NameError", e)
finally:
    builtins.len = saved
print(size("four"))
