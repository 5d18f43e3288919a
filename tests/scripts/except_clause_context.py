# An exception raised while an `except` clause's type is evaluated or
# checked has the exception being matched as its __context__.
try:
    try:
        1 / 0
    except Undefined:
        pass
except NameError as e:
    print(type(e).__name__, type(e.__context__).__name__)

try:
    try:
        {}["k"]
    except 42:
        pass
except TypeError as e:
    print(e, "|", repr(e.__context__))


def gen():
    try:
        yield 1
        raise ValueError("inner")
    except Missing:
        pass


g = gen()
next(g)
try:
    next(g)
except NameError as e:
    print(type(e.__context__).__name__, e.__context__)
