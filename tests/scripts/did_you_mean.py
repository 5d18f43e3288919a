# NameError and AttributeError carry name (and obj); an uncaught one's last
# traceback line suggests the closest name, as CPython 3.10+ does.
import math


class Point:
    def __init__(self):
        self.x = 1


try:
    lenn([1])
except NameError as e:
    print(e.name, str(e))
try:
    Point().xx
except AttributeError as e:
    print(e.name, type(e.obj).__name__, str(e))
try:
    math.sqr
except AttributeError as e:
    print(e.name, e.obj is math)
print(math.sqrt(16))
pritn("unreachable")
