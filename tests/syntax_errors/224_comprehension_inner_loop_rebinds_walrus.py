x = [i for i in a if (j := i) for j in b]
