def pair(x):
    a, b = x
    return a

pair([1, 2, 3])
