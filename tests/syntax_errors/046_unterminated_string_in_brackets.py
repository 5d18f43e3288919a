f(1, 'abc)
