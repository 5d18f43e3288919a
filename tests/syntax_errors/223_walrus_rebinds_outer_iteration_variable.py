x = [[(a := 1) for c in d] for a in b]
