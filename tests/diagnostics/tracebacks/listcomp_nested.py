grid = [[1 / y for y in row] for row in [[1], [0]]]
