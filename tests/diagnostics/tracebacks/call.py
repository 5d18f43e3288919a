def f():
    raise ValueError('bad')

x = f()
