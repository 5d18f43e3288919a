# Generator bodies of the shapes the async path runs inline (loops, ifs and
# yield statements nested in one future) and of the shapes it boxes; every
# flow out of them: break, continue, return, else, exceptions, send, throw,
# close and finally.
def loop_else(n, stop):
    for i in range(n):
        if i == stop:
            break
        yield i
    else:
        yield "else"
    yield "after"


print(list(loop_else(3, 5)), list(loop_else(3, 1)))


def while_continue(n):
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        yield i
    else:
        yield -1


print(list(while_continue(7)))


def returns_in_loop(items):
    for x in items:
        if x is None:
            return "stopped"
        yield x * 2
    return "done"


def collect(gen):
    out = []
    while True:
        try:
            out.append(next(gen))
        except StopIteration as e:
            out.append(("return", e.value))
            return out


print(collect(returns_in_loop([1, 2, None, 3])), collect(returns_in_loop([4])))


def send_inline():
    total = 0
    for i in range(3):
        if i:
            got = yield total
            total += got or 0
        yield i


g = send_inline()
print(next(g), next(g), g.send(10), next(g), g.send(5), next(g, 'end'))


def throw_into():
    for i in range(10):
        try:
            yield i
        except KeyError as e:
            yield ("caught", e.args[0])


g = throw_into()
print(next(g), next(g), g.throw(KeyError("k")), next(g))


def cleanup():
    try:
        for i in range(10):
            if i > 1:
                yield i
    finally:
        print("finally ran")


g = cleanup()
print(next(g))
g.close()


def raising(items):
    for x in items:
        if x:
            yield 10 // x


g = raising([1, 2, 0, 3])
print(next(g), next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("raised", e, next(g, "finished"))

# Nested loops: the inner one inline, the outer one in a future of its own.
def pairs(n):
    for a in range(n):
        for b in range(a):
            if (a + b) % 2:
                yield a, b
        yield "row", a


print(list(pairs(4)))

# Loops over lists that grow, tuples, strings and iterators.
def walk(seq):
    for x in seq:
        if isinstance(seq, list) and len(seq) < 6:
            seq.append(x + 1)
        yield x


print(list(walk([1, 2])), list(walk((3, 4))), list(walk("ab")), list(walk(iter({5: 0}))))

# Large and negative range steps in a generator loop.
def stepped():
    for i in range(10, -10, -7):
        yield i
    for i in range(2**62, 2**63 - 1, 2**61):
        yield i


print(list(stepped()))
print(sum(x * x for x in range(100) if x % 3), max(y for y in (5, 1, 9)))

# A suspended generator freed while the container holding it is being
# updated: its finally block runs (using that container) before the next
# statement.
log = []


def uses_globals():
    try:
        yield 1
    finally:
        log.append(("closed", counter))


counter = 0
gen = uses_globals()
next(gen)
gen = None
print("after rebinding", log)
holder = [uses_globals()]
next(holder[0])
holder[0] = 0
print("after item store", log, holder)
