rows = [
    10 // x
    for x in [1, 0]
]
