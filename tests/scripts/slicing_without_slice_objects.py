# Slicing lists, tuples and strs in expressions and assignments (the
# evaluator makes no slice object for them), against CPython's results.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

xs = list(range(10))
t = tuple(xs)
s = "abcdefghij"
for seq in (xs, t, s):
    show(lambda: seq[2:5])
    show(lambda: seq[::-1])
    show(lambda: seq[-3:])
    show(lambda: seq[:-7:-2])
    show(lambda: seq[100:])
    show(lambda: seq[-100:3])
    show(lambda: seq[::3])
    show(lambda: seq[1:8:0])
    show(lambda: seq["a":])
    show(lambda: seq[None:None:None])
    show(lambda: seq[True:2])
    show(lambda: seq[2**70:])

class Index:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
show(lambda: xs[Index(1):Index(4)])
show(lambda: s[Index(-2):])

class Shrinks:
    def __index__(self):
        del xs[5:]
        return 8
ys = xs
show(lambda: xs[0:Shrinks()])
print(xs)

class MyList(list):
    def __getitem__(self, i):
        return ("custom", i)
show(lambda: MyList([1, 2, 3])[1:2])

class Seq:
    def __getitem__(self, i):
        return i
show(lambda: Seq()[1:2:3])

# Assignments to list slices.
a = list(range(8))
a[2:4] = "xy"
print(a)
a[:0] = (9, 9)
print(a)
a[::2] = range(5)
print(a)
def bad_extended():
    a[::2] = [1]
show(bad_extended)
def not_iterable():
    a[1:2] = 5
show(not_iterable)
a[3:] = []
print(a)
a[Index(0):Index(1)] = ["first"]
print(a)
b = [1, 2, 3]
b[:] = b
print(b)
b[1:] = iter([7, 8, 9])
print(b)
def tuple_store():
    t[1:2] = [0]
show(tuple_store)
def str_store():
    s[0:1] = "z"
show(str_store)

# Deleting slices still works.
c = list(range(6))
del c[1:3]
print(c)
del c[::2]
print(c)
