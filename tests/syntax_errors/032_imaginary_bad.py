x = 1.5jx
