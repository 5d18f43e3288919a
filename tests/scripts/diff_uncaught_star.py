try:
    raise ExceptionGroup("g", [ValueError("v"), TypeError("t"), KeyError("k")])
except* ValueError:
    print("handled v")
