# json.dumps / json.dump: every option, the types it accepts, and its errors.
import io
import json
from collections import OrderedDict
from enum import IntEnum

doc = {"name": "tulip", "n": [1, -2, 3.25, 1e16, 1.5e-7, -0.0, 10**30],
       "flags": (True, False, None), "nested": {"empty_l": [], "empty_d": {}, "deep": [[[{}]]]},
       "text": "tab\there \"quoted\" back\\slash \x00\x1f\x7f é中 \U0001f600 /"}

print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
for indent in [0, 1, 4, -2, "", "\t", "--"]:
    print(repr(indent), json.dumps(doc, indent=indent))
print(json.dumps(doc, separators=(",", ":")))
print(json.dumps(doc, indent=2, separators=(" ,", " = ")))
print(json.dumps(doc, sort_keys=True, indent=1))

# key coercion and key errors
keys = {3: "int", 2.5: "float", True: "true", None: "none", "s": "str", -7: "neg", 1e100: "big float"}
print(json.dumps(keys))
print(json.dumps({float("nan"): 1, float("inf"): 2, -float("inf"): 3}))
try:
    json.dumps({float("nan"): 1}, allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
for bad in [{(1, 2): 3}, {frozenset(): 1}, {b"x": 1}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({(1, 2): 3, "a": 1, b"x": 2, "b": 2}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({(1, 2): 3, "z": 0}, skipkeys=True, indent=2))
try:
    json.dumps({1: "a", "b": 2}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))

# allow_nan
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
for v in [float("nan"), float("inf"), [1, -float("inf")]]:
    try:
        json.dumps(v, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)

# subclasses of the builtin types
class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
class MyStr(str):
    pass
class MyList(list):
    pass
class MyTuple(tuple):
    pass
class MyDict(dict):
    pass
class Color(IntEnum):
    RED = 1
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s\n"), MyList([1, MyList()]), MyTuple((1, 2)),
                  MyDict(a=1), Color.RED]))
print(json.dumps({MyStr("k"): 1, MyInt(2): 2, MyFloat(0.5): 3, Color.RED: 4}))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps(OrderedDict([("z", 1), ("a", 2)]), sort_keys=True))
class Reordered(dict):
    def items(self):
        return list(reversed(list(super().items())))
print(json.dumps(Reordered(a=1, b=2, c=3)))

# default=, JSONEncoder subclasses, circular references
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def as_dict(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError(f"no {type(o).__name__}")
print(json.dumps([Point(1, 2), {3, 1, 2}, {"p": Point(Point(0, 0), None)}], default=as_dict))
print(json.dumps([Point(1, 2)], default=as_dict, indent=2))
for v in [object(), {1, 2}, [1, b"bytes"], 1j]:
    try:
        json.dumps(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps([Point(1, 2), object()], default=as_dict)
except TypeError as e:
    print("TypeError:", e)

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)
print(json.dumps({"p": Point(1, 2)}, cls=PointEncoder))
print(PointEncoder(indent=1, sort_keys=True).encode({"b": Point(3, 4), "a": 1}))
try:
    PointEncoder().encode(object())
except TypeError as e:
    print("TypeError:", e)

class Chunky(json.JSONEncoder):
    # An iterencode override: encode() and dump() go through it.
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.upper()
print(Chunky().encode({"a": "b"}), json.dumps(["x"], cls=Chunky))
buf = io.StringIO()
json.dump({"a": [1, 2]}, buf, cls=Chunky)
print(buf.getvalue())

class SelfDefault:
    pass
same = SelfDefault()
for value, kwargs in [(same, {"default": lambda o: o}), (same, {"default": lambda o: [o]})]:
    try:
        json.dumps(value, **kwargs)
    except ValueError as e:
        print("ValueError:", e)
loop = [1]
loop.append(loop)
cycle = {"k": {}}
cycle["k"]["back"] = cycle
for v in [loop, cycle, (1, loop)]:
    try:
        json.dumps(v)
    except ValueError as e:
        print("ValueError:", e)
shared = [1, 2]
print(json.dumps([shared, shared, {"a": shared}]))
try:
    json.dumps(loop, check_circular=False)
except RecursionError as e:
    print("RecursionError")

# strings as top-level values, and the basestring helpers
for s in ["", "plain", "é", "\U0001f600", "\u2028\u2029", "\x7f", "a\"b\\c"]:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.JSONEncoder().encode(s))
from json import encoder
print(encoder.encode_basestring("é\n"), encoder.encode_basestring_ascii("é\n"))
try:
    encoder.encode_basestring_ascii(1)
except TypeError as e:
    print("TypeError:", e)

# dump writes to a file object
buf = io.StringIO()
json.dump(doc, buf, indent=1, sort_keys=True)
print(buf.getvalue() == json.dumps(doc, indent=1, sort_keys=True))
print("".join(json.JSONEncoder(indent=2).iterencode([1, {"a": None}])))
print(json.dumps(10**100), json.dumps(-(10**40)), json.dumps([0.1, 1/3, 2.0**70, 5e-324, 1.7976931348623157e308]))
# Indented output names the out-of-range float, as CPython's encoder for it does.
for v in [[float("nan")], {"k": -float("inf")}, {float("inf"): 1}]:
    try:
        json.dumps(v, allow_nan=False, indent=1)
    except ValueError as e:
        print("ValueError:", e)
