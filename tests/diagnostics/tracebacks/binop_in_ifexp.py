x = 1 if 1 + None else 2
