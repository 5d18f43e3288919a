match x:
    case {f'{y}': 1}:
        pass
