import bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
    print(bisect.bisect_left(a, x, 2), bisect.bisect_right(a, x, 1, 4))
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
print(b)
c = []
for v in [5.0, 1, 4, 1.0, 5, 9]:
    bisect.insort_left(c, v)
print(c)
k = []
for r in [("x", 3), ("y", 1), ("z", 3), ("w", 2)]:
    bisect.insort_right(k, r, key=lambda r: r[1])
    bisect.insort_left(k, (r[0].upper(), r[1]), key=lambda r: r[1])
print(k)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
print(bisect.bisect_right("abcdef", "c"), bisect.bisect_left(range(10), 7))
print(bisect.bisect_left(a=[1, 2, 3], x=2), bisect.bisect_right([1, 2, 3], 2, hi=-1), bisect.bisect_right([1, 2, 3], 2, 0, None), bisect.bisect_left((1, 3, 5), 4))
print(bisect.bisect_right([1, 2, 3], 9, 1, 2), bisect.bisect_left([5, 6], 1, 5), bisect.bisect_right([1, 2, 3], 2, hi=-5), bisect.bisect_left([1, 2, 3], 2, True))
class Seq:
    def __init__(self): self.items = []
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def insert(self, i, v): print("insert", i, v); self.items.insert(i, v)
s = Seq()
for v in [3, 1, 2]:
    bisect.insort(s, v)
print(s.items)
class L(list):
    def insert(self, i, v): print("L.insert", i, v); super().insert(i, v)
l = L([1, 5])
bisect.insort_left(l, 3); print(l)
for bad in [lambda: bisect.bisect_left([1], 1, "x"), lambda: bisect.bisect_left([1]), lambda: bisect.insort([1], 2, lo=-2), lambda: bisect.bisect_right(5, 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
