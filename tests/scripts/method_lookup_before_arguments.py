# obj.name(args) looks name up before evaluating args (CPython's
# LOAD_METHOD): a missing method raises before any argument runs, and
# __getattr__, properties and __getattribute__ run first.
import math

def arg(tag):
    print("  argument", tag)
    return tag

class Plain:
    def method(self, x):
        return f"method({x})"

class Dynamic:
    def __getattr__(self, name):
        print("  __getattr__", name)
        return lambda *a: f"dynamic {name}{a}"

class WithProperty:
    @property
    def action(self):
        print("  property read")
        return lambda x: f"action({x})"

class Watching:
    def __getattribute__(self, name):
        print("  __getattribute__", name)
        return object.__getattribute__(self, name)
    def go(self, x):
        return f"go({x})"

receivers = [
    ("tuple", (1, "a")), ("float", 1.5), ("list", []), ("str", "s"), ("dict", {}),
    ("instance", Plain()), ("class", Plain), ("module", math), ("None", None),
]
for label, obj in receivers:
    try:
        obj.missing(arg(label))
    except AttributeError as e:
        print(label, "->", e)

print(Plain().method(arg("found")))
print(Dynamic().anything(arg("dyn")))
print(WithProperty().action(arg("prop")))
print(Watching().go(arg("watch")))
print([].append(arg("append")), "ok")
try:
    (1, 2).index(undefined_name)
except NameError as e:
    print("index:", e)
try:
    (1, 2).count(undefined_name, key=1)
except NameError as e:
    print("count:", e)
try:
    (1, 2).nothing(*undefined_name)
except AttributeError as e:
    print("starred:", e)
