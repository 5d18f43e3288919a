match x:
    case {b'\x00': a, b'\x00': b}:
        pass
