# Generators on the stackless path: send, throw, close, yield from, return values.
def gen():
    try:
        got = yield 1
        print("got", got)
        got = yield 2
        print("got", got)
    finally:
        print("cleanup")
    return "result"

g = gen()
print(next(g), g.send("a"))
try:
    g.send("b")
except StopIteration as e:
    print("StopIteration", e.value)

def delegate():
    r = yield from gen()
    print("delegate got", r)
    yield "after"
d = delegate()
print(list(d))

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
c = catcher()
next(c)
print(c.throw(ValueError("boom")))
c.close()
print(c.gi_frame is None)

def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(10)), list(x for x in squares(5) if x % 2))
pipeline = (s + 1 for s in (x * 2 for x in range(4)))
print(list(pipeline))

def early_exit():
    try:
        yield 1
        yield 2
    finally:
        print("closed early")
for v in early_exit():
    print("first", v)
    break

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e)

def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
