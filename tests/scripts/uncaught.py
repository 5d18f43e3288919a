def helper():
    raise ValueError("boom")
print("before")
helper()
