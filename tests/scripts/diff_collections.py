# --- t20_dictset ---
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("x"), d.get("x", 0), d.setdefault("a", 9), d.setdefault("z", 26))
print(d.pop("z"), d.pop("q", "dflt"), d.popitem(), d, len(d))
d.update({"x": 1}, y=2); d.update([("w", 0)])
print(d, "x" in d, "q" not in d, d | {"m": 5}, {"a": 0} | d)
d |= {"n": 6}
print(d, dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), d.copy() == d, d.copy() is d)
keys = d.keys()
d["late"] = 1
print(keys, len(keys), "late" in keys, keys & {"a", "zz"}, keys - {"a"} == set(d) - {"a"}, keys | {"q"} == set(d) | {"q"})
print(d.items() & {("a", 1)}, ("a", 1) in d.items(), list(reversed(d))[:2], list(reversed(d.values()))[:1])
print(d.values(), d.items())
del d["a"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(e)
print({k: v for k, v in zip("abc", range(3)) if v}, {1: "a", 1.0: "b", True: "c"})
print(dict(sorted({"b": 2, "a": 1}.items())), {(1, 2): "t"}[(1, 2)], {} == dict(), {"a": 1} == {"a": 1.0})
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), s | {9}, s & {2, 3}, s - {2}, s ^ {2, 8}, s <= {2, 3, 4, 5}, s < s, s >= {2}, s.isdisjoint({7}))
print(sorted(s.union([7], (8,))), s.intersection({2}, {2, 3}), s.difference([2]), s.symmetric_difference([3, 11]), s.issubset(range(10)), s.issuperset([2, 3]))
s2 = s.copy(); s2.update([10], [11]); s2.intersection_update({10, 11, 2}); print(sorted(s2))
s2.difference_update({10}); s2.symmetric_difference_update({5}); print(sorted(s2))
print(frozenset([1, 2]) | {3}, {1} | frozenset([2]), type(frozenset([1]) | {2}).__name__, type({2} | frozenset([1])).__name__)
print(set(), frozenset(), {1, 2} == frozenset([1, 2]), len({1, 1.0, True}), {0, False, 0.0})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
print(sorted({x % 3 for x in range(10)}), set("hello") == {"h", "e", "l", "o"}, sorted(set([3, 1]) | set([2])))
print({1: 2}.keys() == {1}, {1: 2}.values() == {1: 2}.values(), {1: 2}.items() == {(1, 2)})
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"].get("b", {}).get("c"))
try:
    {}.popitem()
except KeyError as e:
    print(e)
print(dict(a=1) == dict([("a", 1)]), list({"z": 1, "a": 2}), sorted({"z": 1, "a": 2}))
try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
print(dict.fromkeys(range(3), []), {**{"a": 1}, "a": 2})
d3 = {i: i * i for i in range(5)}
for k in list(d3):
    if k % 2: del d3[k]
print(d3, min(d3), max(d3.values()), sum(d3), sorted(d3.items(), reverse=True))
print(repr({}.keys()), repr(dict(a=1).values()), repr(dict(a=1).items()))
print(set([1, 2]).__len__(), {1, 2}.pop() in (1, 2), {"a": 1}.__contains__("a"))
fs = frozenset([3, 1])
print(sorted(fs), fs.union([2]) == {1, 2, 3}, hash(fs) == hash(frozenset([1, 3])), {fs: 1}[frozenset({1, 3})])
print(repr({1, 2, 3}), repr(frozenset({1})), repr(set()), str({(1, 2)}))

# --- t21_collections ---
from collections import Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c["a"], sorted(c.elements())[:5], c.total())
c.update("aaz"); c.subtract({"a": 2})
print(c.most_common(3), +Counter(a=-1, b=2), -Counter(a=-1), Counter(a=3) - Counter(a=1, b=2), Counter(a=1) + Counter(a=2, b=1), Counter(a=3) & Counter(a=1), Counter(a=3) | Counter(a=5))
print(Counter({"x": 2}), Counter(x=1, y=2) == Counter(y=2, x=1), repr(Counter()), dict(Counter("aab")), list(Counter("cba")))
print(Counter([1, 2, 2]).most_common(), Counter("ab").keys())
dd = defaultdict(list)
dd["a"].append(1); dd["b"]; dd["a"].append(2)
print(dd, dict(dd), dd.default_factory, "c" in dd, len(dd))
di = defaultdict(int)
for ch in "hello": di[ch] += 1
print(sorted(di.items()), repr(defaultdict(None)), defaultdict(lambda: "x")["q"])
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError", e)
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
od.move_to_end("b"); print(od, list(od))
od.move_to_end("c", last=False); print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), repr(OrderedDict()))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), p == (1, 2), len(p), tuple(p))
x, y = p
print(x, y, isinstance(p, tuple), Point.__name__, repr(Point(x=0, y=0)))
P3 = namedtuple("P3", "a b c", defaults=[0, 1])
print(P3(9), P3._field_defaults, P3(1, 2, 3))
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(e)
R = namedtuple("R", "a, b", rename=True)
print(R(1, 2))
class Pt(namedtuple("Pt", "x y")):
    __slots__ = ()
    def norm(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self): return f"<{self.x},{self.y}>"
print(Pt(3, 4).norm(), Pt(3, 4), repr(Pt(3, 4)))
from typing import NamedTuple
class Emp(NamedTuple):
    name: str
    id: int = 3
    def hi(self): return "hi " + self.name
print(Emp("a"), Emp("b", 5).hi(), Emp._fields, Emp.__annotations__ if False else "")
dq = deque([1, 2, 3], maxlen=5)
dq.append(4); dq.appendleft(0); dq.append(5)
print(dq, dq.maxlen, dq[0], dq[-1], len(dq))
dq.rotate(2); print(dq); dq.rotate(-1); print(dq)
print(dq.pop(), dq.popleft(), dq, dq.count(3), 3 in dq)
dq.extend([7, 8]); dq.extendleft([9, 10]); print(dq)
dq2 = deque(); print(dq2, deque("ab"), list(reversed(deque([1, 2]))))
try:
    deque().pop()
except IndexError as e:
    print(e)
dq3 = deque([1, 2, 3]); dq3.remove(2); dq3.insert(1, 9); print(dq3, dq3.index(9)); dq3.clear(); print(dq3)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps, cm.new_child({"z": 0})["z"], dict(cm))
cm["c"] = 5; print(cm.maps[0], cm.parents)
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
print(Counter("hello") == Counter("olleh"), Counter(a=0) == Counter(), sorted(Counter("mississippi").items()))
c2 = Counter(a=2, b=-1)
print(list(c2.elements()), c2.most_common(1), Counter("abc") < Counter("abcd") if hasattr(Counter, "__lt__") else "")

# --- t22_itertools ---
import itertools as it
print(list(it.count(5, 2))[:0] if False else list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat(1, 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.chain([1], "ab")), list(it.chain.from_iterable([[1], [2, 3]])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 4, 1])), list(it.filterfalse(lambda x: x % 2, range(6))))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice(range(10), 3)), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.tee([1, 2])[1]), list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.pairwise("abcd")))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "x")), list(it.permutations("abc", 2)), len(list(it.permutations(range(4)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)), list(it.combinations(range(3), 0)), list(it.combinations([], 1)))
print(list(it.product()), list(it.permutations([])), next(it.count()), list(it.islice(it.count(1.5, 0.5), 3)))
g = it.groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda s: s[0]), key=lambda s: s[0])
print({k: list(v) for k, v in g})
print(repr(it.count(3)), repr(it.repeat("x", 2)), repr(it.count(1, 2)))
a, b = it.tee(iter(range(4)))
print(next(a), next(a), list(b), list(a))
print(list(it.batched(range(7), 3)) if hasattr(it, "batched") else [(0, 1, 2), (3, 4, 5), (6,)])
print(sum(1 for _ in it.combinations(range(10), 3)), list(it.accumulate([3, 1, 4, 1, 5], max)))

# --- t57_misc_stdlib ---
import collections, itertools, functools, operator, math
# word frequency
text = "the cat and the hat and the bat"
cnt = collections.Counter(text.split())
print(cnt.most_common(), [w for w, n in cnt.items() if n > 1])
# group by length with defaultdict(set)
g = collections.defaultdict(set)
for w in text.split(): g[len(w)].add(w)
print({k: sorted(v) for k, v in sorted(g.items())})
# sliding window with deque
def windows(seq, n):
    d = collections.deque(maxlen=n)
    for x in seq:
        d.append(x)
        if len(d) == n: yield tuple(d)
print(list(windows(range(6), 3)))
# LRU with OrderedDict
class LRU:
    def __init__(self, cap): self.cap = cap; self.od = collections.OrderedDict()
    def get(self, k):
        if k not in self.od: return -1
        self.od.move_to_end(k); return self.od[k]
    def put(self, k, v):
        self.od[k] = v; self.od.move_to_end(k)
        if len(self.od) > self.cap: self.od.popitem(last=False)
l = LRU(2); l.put(1, 1); l.put(2, 2); l.get(1); l.put(3, 3); print(list(l.od.items()), l.get(2))
print(functools.reduce(operator.or_, [{1}, {2}, {3}]), list(itertools.accumulate(range(1, 6), operator.mul)))
print(sorted(itertools.chain(*[[3, 1], [2]])), dict(collections.Counter("aab") + collections.Counter("bc")))
Card = collections.namedtuple("Card", "rank suit")
deck = [Card(r, s) for s in "SH" for r in "AK"]
print(deck[:2], sorted(deck, key=operator.attrgetter("suit", "rank"))[0])
print(math.comb(52, 5), math.factorial(5) // math.factorial(3))
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
def sieve(n):
    is_p = [True] * (n + 1); is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]: is_p[i * i::i] = [False] * len(is_p[i * i::i])
    return [i for i, p in enumerate(is_p) if p]
print(sieve(30) == primes[:10])
from collections import ChainMap
defaults = {"color": "red", "user": "guest"}
args = {"user": "admin"}
cm = ChainMap(args, defaults)
print(cm["color"], cm["user"], list(cm.items()) if False else sorted(cm.items()), repr(cm))
print(collections.Counter(a=1, b=2).most_common(1), collections.Counter("zzyx").most_common())
print(list(itertools.zip_longest([1, 2], [3])), list(itertools.product(range(2), repeat=3))[:3])
print(repr(collections.deque([1, 2], maxlen=3)), repr(collections.OrderedDict(a=1)), repr(collections.defaultdict(int, {"a": 1})))
print(repr(collections.Counter({"a": 2, "b": 1})), str(collections.namedtuple("N", "x")(1)))
print(collections.UserDict({"a": 1}), collections.UserList([1, 2]), collections.UserString("s") + "t")
class MyUD(collections.UserDict):
    def __setitem__(self, k, v): super().__setitem__(k.lower(), v)
ud = MyUD(); ud["ABC"] = 1; print(ud, "abc" in ud)

# --- u06_dict_order ---
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d)
del d["l"]
d["l"] = 0
print(list(d))
d.pop("h"); d["h"] = 1
print(d)
s = set()
for x in [5, 3, 9, 1, 3, 7, 100, 64, 33]:
    s.add(x)
print(s, sorted(s))
print({3, 1, 2}, {10, 20, 30, 40, 5}, set(range(10, 0, -1)), {-1, -2, 0, 1}, {1.5, 2.5, 0.5})
print({(1, 2), (0, 0)} == {(0, 0), (1, 2)}, len({1, True, 1.0}), {None, 0} == {0, None})
fs = frozenset([4, 2, 8])
print(fs, fs | {1}, fs - {2})
print({i * 7 % 13 for i in range(13)})
print(set("aa") , {"x"}, set([0]), {2 ** 70, 1})

# --- t47_dict_ops_patterns ---
inventory = {"apples": 3, "pears": 0, "kiwis": 12}
print({k: v for k, v in inventory.items() if v}, max(inventory, key=inventory.get), sorted(inventory, key=inventory.get, reverse=True))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
inverted = {v: k for k, v in inventory.items()}
print(inverted)
merged = {**inventory, "pears": 5, **{"figs": 1}}
print(merged, list(merged))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: kv[1]))
nested = {"a": {"x": 1}, "b": {"x": 2}}
print([v["x"] for v in nested.values()], {k: v["x"] * 10 for k, v in nested.items()})
d = dict.fromkeys("abc", 0)
d["a"] += 1
print(d, sorted(d.items() - {("a", 1)}), list(d.items())[0])
print(list({3: 1, 1: 1, 2: 1}), list({"b": 1, "a": 1}.keys()))
d2 = {}
d2[1] = "int"; d2[1.0] = "float"; d2[True] = "bool"
print(d2)
d3 = {"x": 1}
print(d3.get("x"), d3.get("y", d3.get("x")), d3.pop("x"), d3)
big = {i: str(i) for i in range(10)}
for k in [k for k in big if k % 3]:
    del big[k]
print(big)
keys = ["a", "b"]; vals = [1, 2, 3]
print(dict(zip(keys, vals)), dict(enumerate("xy")), dict(a=[1], **{"b": 2}))
dd = {"z": 26, "a": 1}
print(sorted(dd.items()), min(dd.items(), key=lambda p: p[1]), next(iter(dd)), list(dd.values())[-1])
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(dict(sorted({"b": [2], "a": [1]}.items())), {1: "a"} == {1.0: "a"}, {"a": 1}.items() <= {"a": 1, "b": 2}.items())
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return 42
    def __eq__(self, o): return self.k == o.k
    def __repr__(self): return f"Key({self.k})"
kd = {Key(1): "one", Key(2): "two"}
print(kd[Key(2)], kd, len(kd))
print(str({"a": None, "b": True, "c": 1.0, "d": "s", "e": [1], "f": (1,), "g": {}}))

