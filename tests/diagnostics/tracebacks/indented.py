def f(d):
    if True:
        return d['k'] * 2
f({})
