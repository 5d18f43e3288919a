# math.comb and math.perm over small, word-sized and big arguments: the
# balanced-product and halving paths must agree with the definitions.
import math

def comb_by_definition(n, k):
    return math.factorial(n) // (math.factorial(k) * math.factorial(n - k))

for n in range(0, 40):
    for k in range(0, n + 2):
        assert math.comb(n, k) == (comb_by_definition(n, k) if k <= n else 0), (n, k)
        assert math.perm(n, k) == (math.factorial(n) // math.factorial(n - k) if k <= n else 0), (n, k)
print("small: definitions hold")

for n, k in [(1000, 500), (5000, 1234), (3000, 2999), (2**63 - 1, 40), (10**20, 30), (2**64 + 5, 100)]:
    c, p = math.comb(n, k), math.perm(n, k)
    print(n, k, c % 1000003, c.bit_length(), p % 999983, p.bit_length(), p // math.factorial(k) == c)

print(math.comb(10**20, 10**20 - 3))
print(math.perm(12), math.perm(12, None), math.comb(7, 0), math.perm(7, 0))
big = math.comb(20000, 10000)
print(big.bit_length(), big % 2**61)
for args in [(-1, 2), (3, -2), (2**65, 2**64), (1.0, 2), ("3", 1)]:
    try:
        math.comb(*args)
    except Exception as e:
        print(type(e).__name__, e)
for args in [(-1, 2), (3, -2), (2**64, 2**63), (-3,)]:
    try:
        math.perm(*args)
    except Exception as e:
        print(type(e).__name__, e)
