def inverses(xs):
    return [1 / x for x in xs]

inverses([1, 0])
