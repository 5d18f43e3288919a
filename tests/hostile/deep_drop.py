# Freeing very deep chains must not recurse once per level on the machine stack.
x = []
for i in range(1000000):
    x = [x]
del x
class N:
    def __init__(self, n): self.n = n
y = None
for i in range(300000):
    y = N(y)
del y
d = {}
for i in range(300000):
    d = {"d": d, "t": (d,)}
del d
print("ok")
