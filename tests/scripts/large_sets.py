# Sets beyond the small-table size: lookups go through the CPython-layout
# slot table, across growth, deletions (dummy slots), re-insertion,
# compaction of the entry vector, copies and clears.
s = set()
for i in range(2000):
    s.add(i * 7)
print(len(s), 7 in s, 8 in s, 13993 in s, 14000 in s)
for i in range(0, 2000, 2):
    s.discard(i * 7)
print(len(s), 0 in s, 7 in s, sum(1 for i in range(20000) if i in s))
for i in range(0, 2000, 4):
    s.add(i * 7)
print(len(s), 0 in s, 14 in s, 28 in s)
t = s.copy()
print(t == s, len(t), 28 in t, 14 in t)
s.clear()
print(len(s), 7 in s)
for k in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]:
    s.add(k)
print(sorted(s), "f" in s, "z" in s)
s.remove("f")
print("f" in s, len(s))
mixed = {1, 2.0, "x", (1, 2), None, True, 10 ** 30, -5, 3.5, "y", b"z"}
print(len(mixed), 2 in mixed, 1.0 in mixed, (1, 2) in mixed, 10 ** 30 in mixed, b"z" in mixed, "q" in mixed)
# add/remove churn keeps lookups right while dummies pile up
churn = set(range(100))
for r in range(50):
    for i in range(100):
        churn.discard(i)
        churn.add(i + 1000 * (r % 3))
print(len(churn), min(churn), max(churn), 1000 in churn, 2099 in churn)
print(list({5, 3, 900, 17, 64, 1 << 20, 33, 12, 70, 8, 9})[:11])
