x = "é" + (1 + None)
