x = f"{1 + None}"
