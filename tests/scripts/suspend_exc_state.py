import sys

# A generator suspended inside an except block keeps its exception to itself.
def handler():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__

g = handler()
print(next(g), sys.exc_info())
try:
    raise KeyError("outer")
except KeyError:
    print(next(g), sys.exc_info()[0].__name__)
print(sys.exc_info())

# Interleaved generators re-raising with bare raise get their own exceptions.
def reraiser(exc):
    try:
        raise exc
    except Exception:
        yield 1
        raise

a, b = reraiser(ValueError("a")), reraiser(TypeError("b"))
next(a); next(b)
for gen in (a, b):
    try:
        next(gen)
    except Exception as e:
        print(type(e).__name__, e, repr(e.__context__))

# The implicit __context__ of an exception raised in a resumed generator.
def chained():
    try:
        raise KeyError("first")
    except KeyError:
        yield
        raise ValueError("second")

c = chained(); next(c)
try:
    next(c)
except ValueError as e:
    print(repr(e), repr(e.__context__))

# sys.exc_info() inside a generator sees the caller's exception when the
# generator handles none itself.
def peek():
    while True:
        yield sys.exc_info()[1]

p = peek()
print(next(p))
try:
    raise IndexError("caller")
except IndexError:
    print(repr(next(p)))
print(next(p))

# throw() into a generator suspended in a finally block: context chaining.
def in_finally():
    try:
        yield "body"
    finally:
        yield "cleanup"

f = in_finally()
print(next(f))
print(f.throw(RuntimeError("thrown")))
try:
    next(f)
except RuntimeError as e:
    print("propagated", e)

# An exception raised while a caller handles another gets it as context.
def raiser():
    yield
    raise OSError("late")

r = raiser(); next(r)
try:
    raise LookupError("handling")
except LookupError:
    try:
        next(r)
    except OSError as e:
        print(repr(e.__context__))
