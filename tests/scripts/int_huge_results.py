# Bitwise operators between a huge int and a float are unsupported (no
# float conversion is tried); shifts and powers too large to allocate
# raise MemoryError, as CPython's failed allocation does.
for f in [lambda: (10**400) ^ 1.5, lambda: 5 ^ 1.5, lambda: (10**400) & 1.5, lambda: (10**400) | 2.5, lambda: (-5) << (2**63), lambda: 1 << 2**63, lambda: 1 << 2**62, lambda: 0 << 2**70, lambda: (-5) << (2**64), lambda: 1 >> 2**70, lambda: 1 << 2**40]:
    try:
        r = f()
        print(str(r)[:30])
    except Exception as e:
        print(type(e).__name__, e)
for e in [2**40, 2**64]:
    try:
        2 ** e
    except MemoryError:
        print("MemoryError for 2 **", e)
