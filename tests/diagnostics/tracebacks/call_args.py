x = int('abc') + 1
