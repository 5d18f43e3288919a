def f(x):
    assert x
f(0)
