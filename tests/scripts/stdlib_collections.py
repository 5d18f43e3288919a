from collections import Counter, OrderedDict, ChainMap, UserDict, UserList, UserString, defaultdict
import copy
c = Counter("abracadabra")
print(c, c.most_common(2), c.most_common(0), c.most_common(-1), c.total(), c["z"], "z" in c)
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
d = Counter(a=3, b=1, e=-2)
print(c + d, c - d, c | d, c & d, +d, -d, d - c)
print(c == Counter(c), c == d, c != d, Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1, b=0), Counter(a=3) > Counter(a=2))
print(Counter(a=1) == Counter(a=1, b=0), c.__eq__(5), c.__lt__({}))
c2 = Counter(c); c2.update("zzz"); c2.update({"a": 10}); c2.update(q=1); print(c2)
c2.subtract("aaa"); c2.subtract({"z": 5}); c2.subtract(b=10); print(c2)
c3 = Counter(a=5, b=2); c3 += Counter(a=-5, c=1); print(c3); c3 -= Counter(c=3); print(c3)
c3 = Counter(a=1, b=5); c3 |= Counter(a=3, b=1, d=-1); print(c3); c3 &= Counter(a=2, b=9, x=3); print(c3)
del c3["nope"]; del c3["a"]; print(c3, repr(Counter()), copy.copy(c3), c3.copy() == c3, Counter("ab").__reduce__())
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(Counter({"x": "a", "y": "b"}), Counter({1: 2+1j}))
od = OrderedDict.fromkeys("abc", 0)
od.move_to_end("a"); print(od); od.move_to_end("c", last=False); print(od, od.popitem(), od.popitem(last=False), od)
od = OrderedDict(x=1, y=2)
print(od.pop("x"), od.pop("nope", "dflt"), od.setdefault("z", 3), od.setdefault("y", 9), od)
try:
    od.pop("nope")
except KeyError as e:
    print("KeyError", e)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, OrderedDict(a=1) != OrderedDict(a=1))
print(od | {"n": 0}, {"n": 0} | od, type(od | {}).__name__, od.__or__(5), repr(OrderedDict()))
od |= [("q", 7)]; print(od, copy.copy(od), od.copy() == od)
r = OrderedDict(); r["self"] = r; print(r)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}, defaultdict(int))
print(cm["a"], cm["b"], cm["zz"], cm.maps[2], len(cm), list(cm), dict(cm), "b" in cm, cm.get("q", "no"))
cm = ChainMap({"a": 1}, {"b": 2})
cm["c"] = 3; del cm["a"]; print(cm, bool(ChainMap()), bool(cm))
for op in [lambda: cm.__delitem__("b"), lambda: cm.pop("b"), lambda: ChainMap().popitem(), lambda: ChainMap({})["x"]]:
    try:
        op()
    except KeyError as e:
        print("KeyError", e)
print(cm.pop("zz", 0), cm.new_child(), cm.new_child({"n": 1}, k=2), cm.new_child(k=1), cm.parents, ChainMap.fromkeys("ab", 0))
cc = cm.copy(); cc["new"] = 1; print(cm, cc, cm | {"x": 9}, {"x": 9, "c": 0} | cm)
cm |= {"y": 8}; print(cm, copy.copy(cm)); cm.clear(); print(cm)
class Missing(UserDict):
    def __missing__(self, key): return key * 2
ud = UserDict({"a": 1}, b=2)
print(ud, len(ud), ud["a"], "b" in ud, ud.get("q"), list(ud), Missing()["x"], ud | {"c": 3}, {"c": 3} | ud, ud | UserDict(z=0))
ud |= UserDict(w=5); ud |= {"v": 6}; print(ud, ud.copy(), UserDict.fromkeys("xy", 1), ud.__or__(4))
class MyUD(UserDict):
    pass
m = MyUD(a=1); m.extra = "keep"; mc = m.copy(); mcc = copy.copy(m)
print(type(mc).__name__, mc, mc.extra, mc.data is m.data, mcc.extra, mcc.data is m.data)
try:
    ud["missing"]
except KeyError as e:
    print("KeyError", e)
ul = UserList([3, 1, 2])
print(ul, ul[0], ul[1:], type(ul[1:]).__name__, ul + [4], [0] + ul, ul + (9,), ul * 2, 2 * ul, ul == [3, 1, 2], ul < [4], ul >= UserList([3]), 1 in ul)
ul += (5,); ul *= 1; ul.append(0); ul.insert(0, 7); ul.extend(UserList([8])); ul.sort(); print(ul, ul.pop(), ul.pop(0), ul.count(1), ul.index(2))
ul.reverse(); ul.remove(2); print(ul, ul.copy(), copy.copy(ul), UserList(ul), UserList("ab"), UserList())
ul.clear(); print(ul, len(ul))
us = UserString("Hello")
print(us, repr(us), us + "!", us + UserString("?"), us * 2, us[1:3], type(us[0]).__name__, "ell" in us, UserString("e") in us, len(us))
print(us == "Hello", us < "Z", us.upper(), type(us.upper()).__name__, us.find("l"), us.split("l"), hash(us) == hash("Hello"), int(UserString("42")), float(UserString("1.5")), str(UserString(12)))
