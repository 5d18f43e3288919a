match x:
    case y if y:
        pass
    case _:
        pass
    case 1:
        pass
