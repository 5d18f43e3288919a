def f():
    g = lambda x=(await y): x
