try:
    s = "x" * (10 ** 12)
except MemoryError:
    print("MemoryError")
try:
    n = 1 << (10 ** 12)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
n = 7 ** 10000
print(len(str(n)) if False else n % 1000)
try:
    [0] * (10 ** 12)
except MemoryError:
    print("MemoryError list")
