import json
data = {"b": [1, 2.5, None, True, False, "x\u00e9\n\"q\""], "a": {"n": {}, "l": [], "t": (1, (2,))},
        1: "int", 2.5: "float", True: "t", None: "n", False: "f"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", separators=(",", ": "), ensure_ascii=False))
print(json.dumps({"z": 1, "a": [1, {"q": 2, "b": 3}]}, sort_keys=True, indent=0))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
for bad in [{(1,): 2}, {"s": {1, 2}}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
l = [1]; l.append(l)
d = {}; d["self"] = d
for c in [l, d]:
    try:
        json.dumps(c)
    except ValueError as e:
        print("ValueError", e)
print(json.dumps(l[:1] * 2), json.dumps([[], {}, [[]]], indent=3))
class Pt:
    def __init__(self, x): self.x = x
print(json.dumps([Pt(1), Pt([Pt(2)])], default=lambda o: {"x": o.x}))
print(json.dumps({"a": float("inf"), "b": float("nan"), "c": -float("inf")}))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
print(''.join(json.JSONEncoder(indent=1).iterencode({"k": [1, 2]})))
print(json.dumps("plain"), json.dumps(10**20), json.dumps(-0.0), json.dumps(1e300))
print(json.loads(json.dumps(data, indent=4)) == json.loads(json.dumps(data)))
