def check(x):
    if x: raise KeyError(x)

for i in range(2):
    check(i)
