x = []
for i in range(200000):
    x = [x]
try:
    s = repr(x)
    print(len(s))
except RecursionError:
    print("RecursionError in repr")
d = {}
for i in range(100000):
    d = {"k": d}
try:
    print(x == x, len(str(d)) > 0)
except RecursionError:
    print("RecursionError in compare")
del x, d
print("dropped")
