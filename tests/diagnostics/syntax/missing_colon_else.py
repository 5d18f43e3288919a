elif_x = 1
if x:
    pass
else
    pass
