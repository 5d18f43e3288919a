def g():
    return 1/0
def h(x):
    return x
v = h(g())
