if True:
    x = undefined_thing   # hi
