# Calls that take the evaluator's short paths: native methods and functions
# with up to two arguments, generator functions called positionally, small
# frames. Each is checked against what CPython prints, errors included.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# Native methods of builtin values, 0-3 arguments.
xs = [3, 1, 2]
show(lambda: xs.append(4))
show(lambda: xs.pop())
show(lambda: xs.insert(0, 9))
show(lambda: xs.index(9, 0, 3))
show(lambda: xs)
show(lambda: "a,b,c".split(","))
show(lambda: "a,b,c".split(",", 1))
show(lambda: {"k": 1}.get("k"))
show(lambda: {"k": 1}.get("x", 7))
show(lambda: {1, 2}.union({3}))
show(lambda: (1, 2, 1).count(1))
show(lambda: (5).bit_length())
show(lambda: xs.append())
show(lambda: xs.append(1, 2))
show(lambda: "abc".split(1))
show(lambda: {}.get())
# The method is looked up before the arguments are evaluated.
show(lambda: xs.no_such_method(undefined_name))
show(lambda: xs.append(undefined_name))

# A subclass's override, and an instance of it, are honoured.
class L(list):
    def append(self, x):
        super().append(x * 10)
l = L()
l.append(1)
print(l)

# Native functions, 0-2 arguments, and the ones that read the frame.
show(lambda: len([1, 2]))
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: isinstance(1, int))
show(lambda: isinstance(1))
show(lambda: abs(-3))
show(lambda: divmod(7, 2))
show(lambda: max(1, 2))
show(lambda: sorted(vars()) == sorted(vars(__import__("sys").modules[__name__])))

def reads_frame(a, b=2):
    c = a + b
    return sorted(locals()), sorted(dir()), "reads_frame" in globals()
show(lambda: reads_frame(1))

# Generator functions called positionally, plain and as methods.
def gen(a, b):
    yield a
    yield b
print(list(gen(1, 2)))
show(lambda: list(gen(1)))
show(lambda: gen(1, undefined_name))

class Counter:
    def __init__(self, n):
        self.n = n
    def count(self, start):
        for i in range(start, self.n):
            yield i
    async def double(self, x):
        return x * 2
c = Counter(4)
print(list(c.count(1)))
coro = c.double(21)
try:
    coro.send(None)
except StopIteration as stop:
    print("coroutine returned", stop.value)

def gen_with_cell(a):
    def inner():
        return a
    yield inner()
print(list(gen_with_cell(5)))

# Frames with more than eight locals and with cells.
def many(a, b, c, d, e, f, g, h, i):
    j = a + b + c + d + e + f + g + h + i
    return j
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9))

def closure(a):
    def get():
        return a
    return get()
print(closure("cell"))

def unbound_later(flag):
    if flag:
        x = 1
    return x
show(lambda: unbound_later(True))
show(lambda: unbound_later(False))
