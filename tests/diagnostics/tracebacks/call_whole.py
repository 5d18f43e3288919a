def f():
    raise ValueError('bad')

f()
