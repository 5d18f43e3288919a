# Exceptions: chaining, finally interactions, groups, notes, messages.
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e
try:
    f()
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__, e)

try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("while handling")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)

def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())

def override():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"
print(override())

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print("values", [e.args[0] for e in g.exceptions])
except* TypeError as g:
    print("types", [e.args[0] for e in g.exceptions])

try:
    raise KeyError("missing")
except LookupError as e:
    e.add_note("note one")
    print(e, e.__notes__, repr(e))

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except MyError as e:
    print(e, e.code, e.args)

for expr in ["[][1]", "{}['x']", "int('abc')", "None.foo", "1 + 'a'", "undefined_name", "(1).bar()", "len(5)"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)

try:
    raise
except RuntimeError as e:
    print(e)
