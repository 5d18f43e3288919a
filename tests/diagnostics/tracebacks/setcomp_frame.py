names = {n.upper() for n in ["a", None]}
