limit = 3
if limit < 5: raise ValueError("too small")
