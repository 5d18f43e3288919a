import random
r = random.Random(12345)
print([r.randrange(10) for _ in range(5)], [r.randrange(3, 50, 7) for _ in range(5)], [r.randrange(50, 3, -7) for _ in range(5)])
print([r.randrange(-10, -100, -3) for _ in range(4)], [r.randint(1, 6) for _ in range(6)])
for args in [(5, 5), (5, 1, 2), (1, 10, 0), (10, 1, 3), (0,)]:
    try:
        r.randrange(*args)
    except ValueError as e:
        print("ValueError", e)
print(r.sample(range(1000), 10), r.sample("abcdefgh", 5), r.sample(range(100000), 3))
print(r.sample(["x", "y"], 4, counts=[2, 3]))
print([round(r.triangular(0, 10, m), 12) for m in (None, 0, 10, 2)], r.triangular(3, 3))
print([round(r.gauss(5, 2), 12) for _ in range(5)], [round(r.normalvariate(), 12) for _ in range(3)])
random.seed(7)
print(random.random(), random.gauss(), random.gauss(), random.choice("xyz"), random.choices("abc", [1, 2, 3], k=4))
l = list(range(10)); random.shuffle(l); print(l, round(random.uniform(1, 2), 12), round(random.expovariate(2), 12))
