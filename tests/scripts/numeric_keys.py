# Int keys meeting equal keys of other numeric types in sets and dicts.
s = {True, 2.0, 3}
print(1 in s, 2 in s, 3 in s, 4 in s, 0 in s)
s.add(1)
s.add(2)
print(sorted(s), len(s))
s.discard(1)
print(sorted(s), True in s)
d = {1.0: "float", False: "bool", 10**20: "big"}
print(d[1], d[0], d.get(2), 1 in d, 0 in d)
d[1] = "int"
print(d)
print(d.pop(0), d)


class Same:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq called")
        return other == self.v


t = {Same(5), 6}
print(5 in t, 7 in t)
big = set(range(100))
print(all(i in big for i in range(100)), 100 in big, -1 in big)
e = {i: -i for i in range(50)}
print(sum(e[i] for i in range(50)), e.get(50))
print({-1: "a"}[-1], {-2: "b"}.get(-1))
