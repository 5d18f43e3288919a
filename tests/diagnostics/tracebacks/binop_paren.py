a = 1
x = (a) + (None)
