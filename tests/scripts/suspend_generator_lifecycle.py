# Closing on drop, never-awaited coroutines, re-entry, reuse, PEP 479,
# and delegation of send/throw/close through yield from.
import gc
import warnings

def showwarning(message, category, filename, lineno, file=None, line=None):
    print("warning:", category.__name__, message)
warnings.showwarning = showwarning

def with_cleanup(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name)

g = with_cleanup("dropped")
next(g)
del g
print("after del")

gens = [with_cleanup(i) for i in range(3)]
for g in gens:
    next(g)
del g
gens.clear()
print("after clear")

def rebinding():
    global holder
    holder = with_cleanup("rebound")
    next(holder)
    holder = None
    print("rebound done")
rebinding()

async def never():
    return 1

c = never()
del c
print("after never-awaited")

async def closed_unstarted():
    return 2
c = closed_unstarted()
c.close()
del c
print("closed unstarted: no warning")

# Re-entry is refused.
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# A finished coroutine cannot be awaited again.
async def once():
    return "value"
co = once()
try:
    co.send(None)
except StopIteration as e:
    print("first:", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# PEP 479.
def leaks_stop():
    yield 1
    raise StopIteration("inner")
try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

# send/throw/close reach an iterator that is not a generator.
class Echo:
    def __init__(self):
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        return "next"
    def send(self, v):
        self.log.append(("send", v))
        if v == "stop":
            raise StopIteration("echo result")
        return f"sent {v}"
    def throw(self, exc):
        self.log.append(("throw", type(exc).__name__))
        return "threw"
    def close(self):
        self.log.append(("close",))

def delegator(it):
    result = yield from it
    print("delegator got", result)
    yield "after"

e = Echo()
d = delegator(e)
print(next(d), d.send(1), d.throw(KeyError("k")), d.send("stop"))
d2 = delegator(e)
next(d2)
d2.close()
print(e.log)
print(d2.gi_yieldfrom, d.gi_yieldfrom)

# GeneratorExit reaches an inner generator; one that ignores it is an error.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

def outer():
    yield from stubborn()

o = outer()
next(o)
try:
    o.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def inner_cleanup():
    try:
        yield 1
    finally:
        print("inner finally")

def outer2():
    try:
        yield from inner_cleanup()
    finally:
        print("outer finally")

o2 = outer2()
next(o2)
o2.close()
print(o2.gi_running, o2.gi_suspended, o2.gi_yieldfrom)

# Cycles through suspended generators are collected (their finally runs).
class Holder:
    pass

def cyclic(h):
    try:
        yield h
    finally:
        print("cycle closed")

h = Holder()
h.gen = cyclic(h)
next(h.gen)
del h
gc.collect()
print("collected")

# A finished coroutine refuses throw() as well as send(); a finished
# generator re-raises what is thrown into it.
async def finished():
    return 1
fc = finished()
try:
    fc.send(None)
except StopIteration:
    pass
for op in (lambda: fc.send(None), lambda: fc.throw(ValueError("late")), fc.close):
    try:
        print("result", op())
    except Exception as e:
        print(type(e).__name__, e)
def finished_gen():
    yield 1
fg = finished_gen()
list(fg)
try:
    fg.throw(ValueError("late"))
except ValueError as e:
    print("ValueError", e)
