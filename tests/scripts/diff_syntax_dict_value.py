config = {"host": "localhost", "port"}
print(config)
