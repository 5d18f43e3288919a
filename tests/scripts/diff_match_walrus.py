# --- t03_walrus_match ---
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
def check(v):
    match v:
        case 0 | 1 as small:
            return f"small {small}"
        case int(n) if n < 0:
            return "negative"
        case int() | float():
            return "number"
        case "hello":
            return "greeting"
        case str(s):
            return f"str {s!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest]:
            return f"seq {x} rest {rest}"
        case {"type": "point", "x": x, **others}:
            return f"point {x} {others}"
        case {"k": _}:
            return "has k"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 1, -5, 3, 2.5, "hello", "bye", (1, 2), [1, 2, 3], [], {"type": "point", "x": 1, "y": 2}, {"k": 0, "z": 1}, None, {1, 2}]:
    print(repr(v), "->", check(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, 0):
            return f"on x axis {xx}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 2), 5]:
    print(where(p))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def col(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN:
            return "green!"
print(col(Color.RED), col(Color.GREEN), col(3))
def nested(v):
    match v:
        case [1, [2, *inner], {"a": (3 | 4) as q}]:
            return ("A", inner, q)
        case (a, b, *_) if a > b:
            return ("B", a, b)
        case [*_, last]:
            return ("C", last)
        case str() | bytes():
            return "text"
    return "none"
print(nested([1, [2, 5, 6], {"a": 4}]))
print(nested((5, 2, 9)))
print(nested([1, 9]))
print(nested("abc"), nested(b"x"), nested(7))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
match 42:
    case x:
        print("captured", x)
match (1, 2):
    case (1, 2) | (2, 1):
        print("either")
class P2:
    def __init__(self): self.a = 1
try:
    match P2():
        case P2(1):
            pass
except TypeError as e:
    print(e)
match [1, 2, 3]:
    case [1, *_, 3]:
        print("1..3")
match -3:
    case -3:
        print("neg literal")
match 1+2j:
    case 1+2j:
        print("complex literal")
match True:
    case 1:
        print("True matches 1")
match 1:
    case True:
        print("bad")
    case _:
        print("1 is not True")
match "x":
    case ("a" | "b" | "x") as ch:
        print("ch", ch)
match {"x": {"y": [1, 2]}}:
    case {"x": {"y": [_, second]}}:
        print("second", second)

