# Containers changed by default() or a key's __lt__ while json.dumps writes
# them: lists are read as they are, dicts as they were when writing began.
import json
l = [1, object(), 3]
def grow(o):
    l.clear(); l.extend(range(5)); return "x"
print(json.dumps(l, default=grow))
d = {"a": object(), "b": 2}
def refill(o):
    d.clear(); d.update({str(i): i for i in range(30)}); return "y"
try:
    print(json.dumps(d, default=refill))
except RuntimeError as e:
    print("RuntimeError:", e)
# nested: inner default mutates the outer dict
outer = {"a": {"x": object(), "y": 1}, "b": 2, "c": [object()]}
def mutate(o):
    outer.clear(); outer["zz"] = 1
    return "m"
print(json.dumps(outer, default=mutate))
outer = {"a": {"x": object(), "y": 1}, "b": 2, "c": [object()]}
print(json.dumps(outer, default=mutate, sort_keys=True))
class K(str):
    def __lt__(self, other):
        d2.clear()
        return str.__lt__(self, other)
d2 = {"q": {K("b"): 1, K("a"): 2}, "r": 3}
print(json.dumps(d2, sort_keys=True))
grow = {"k0": object()}
def add(o):
    grow["k%d" % len(grow)] = object() if len(grow) < 50 else 1
    return len(grow)
print(json.dumps(grow, default=add))
