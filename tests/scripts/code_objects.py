# Code objects: CPython's co_* values for functions, generators, lambdas,
# coroutines, methods and closures.
def f(a, b=1, /, c=2, *args, d, **kw):
    x = 1

    def inner():
        return x

    return inner


def g(n):
    total = 0
    yield n + total


lam = lambda y, *z: y


class K:
    def m(self, *, key=None):
        return key


async def co():
    pass


async def agen():
    yield 1


def clo(p):
    v = 1

    def inner2(q, **opts):
        w = q
        return v + w + p

    return inner2


def plain(a, b):
    c = a + b
    for i in range(c):
        c += i
    return c


for fn in (f, f(0, d=1), g, lam, K.m, co, agen, clo, clo(1), plain):
    c = fn.__code__
    print(c.co_name, c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_posonlyargcount,
          c.co_kwonlyargcount, c.co_varnames, c.co_nlocals, hex(c.co_flags), c.co_filename.endswith("code_objects.py"))
print(type(f.__code__).__name__)
gen = g(1)
print(gen.gi_code.co_name, gen.gi_code.co_flags & 0x20)
gen.close()
import inspect
print(inspect.isgeneratorfunction(g), inspect.iscoroutinefunction(co), inspect.isasyncgenfunction(agen))
