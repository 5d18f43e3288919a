import heapq
data = [9, 4, 7, 1, 8, 2, 2, 6, 0, 5, 3]
h = []
for v in data:
    heapq.heappush(h, v)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
x = list(data)
heapq.heapify(x)
print(x)
print(heapq.heapreplace(x, 10), x)
print(heapq.heappushpop(x, -1), heapq.heappushpop(x, 4), x)
print(heapq.heappushpop([], 3))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
            lambda: heapq.heappush((), 1), lambda: heapq.heapify("ab"), lambda: heapq.heappop(None), lambda: heapq.heappushpop(None, 1), lambda: heapq.heapreplace({}, 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9], [])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], [9], reverse=True)))
print(list(heapq.merge(["a1", "b2"], ["A3", "B4"], key=str.lower)))
print(list(heapq.merge([(1, "x"), (2, "y")], [(1, "z"), (2, "w")], key=lambda t: t[0])))
print(list(heapq.merge([(3, "x"), (1, "y")], [(3, "z"), (0, "w")], key=lambda t: t[0], reverse=True)))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
words = "the quick brown fox jumps over the lazy dog".split()
for n in [-1, 0, 1, 3, 20]:
    print(n, heapq.nsmallest(n, words), heapq.nlargest(n, words, key=len))
print(heapq.nsmallest(2, iter([5, 3, 9, 1])), heapq.nlargest(1, []), heapq.nsmallest(1, [], key=abs))
class Rec:
    def __init__(self, k): self.k = k
    def __lt__(self, o):
        log.append((self.k, o.k)); return self.k < o.k
log = []
hh = []
for k in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(hh, Rec(k))
heapq.heappop(hh)
print(log, [r.k for r in hh])
print(sorted(heapq.__all__))
class Grow:
    def __init__(self, heap, v): self.heap, self.v = heap, v
    def __lt__(self, other):
        self.heap.append(Grow(self.heap, 0))
        return self.v < other.v
g = []
g.append(Grow(g, 1))
try:
    heapq.heappush(g, Grow(g, 0))
except RuntimeError as e:
    print("RuntimeError", e)
class Sub(list): pass
sh = Sub([5, 3, 8, 1]); heapq.heapify(sh); print(sh, type(sh).__name__, heapq.heappop(sh))
big = [(i * 7919) % 5003 for i in range(5003)]
heapq.heapify(big); print(big[:20], big[-5:])
print(list(heapq.merge([3, 1], [2, 0], reverse=True)), heapq.heappushpop([1], 0), heapq.heapreplace([1], 0))
