# sorted()/list.sort() with keys all ints or all strs compare them natively;
# the order must stay CPython's (stable, reverse keeps ties in order).
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n
xs = [rnd(101) - 50 for _ in range(300)]
print(sorted(xs)[:10], sorted(xs, reverse=True)[:10])
recs = [(rnd(6), i) for i in range(100)]
print(sorted(recs, key=lambda t: t[0])[:12])
print(sorted(recs, key=lambda t: t[0], reverse=True)[:12])
ws = ["b", "a", "é", "Z", "aa", "", "zz", "ab", "a", "\U0001f600", "\uffff"]
print(sorted(ws), sorted(ws, reverse=True), sorted(ws, key=str.lower))
print(sorted([3, True, 2, False, 1]), sorted([2**70, 5, -2**70]), sorted([2.5, 1, 3]))
l = [5, 1, 4]
l.sort(key=lambda v: -v)
print(l)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
