x = [a for a in (lambda: (b := 1))()]
