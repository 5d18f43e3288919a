# Calls found by tools/fuzz_natives.py that crashed or hung tulip; CPython
# raises at once for each of them, and so must tulip.
import enum
import itertools
import sys
import typing

cases = [
    # object.__new__ of a class whose builtin base has its own constructor
    # made an int without a value; its repr overflowed the stack.
    "object.__new__(int)",
    "object.__new__(dict)",
    "typing.SupportsBytes.__new__(int)",
    "class I(int): pass\nobject.__new__(I)",
    # The count is checked before an infinite iterable is consumed.
    "itertools.combinations(itertools.count(), 'x')",
    "itertools.combinations_with_replacement(itertools.count(5), set())",
    # A negative number has no finite set of bits.
    "enum.show_flag_values(-2**63 - 1)",
    # Extra arguments are refused, not ignored (round would have run with
    # a huge ndigits).
    "(2**100).__round__(-2**63, 10**6)",
    "(1.5).__round__(1, 2)",
    "round(5, 1, 2)",
]
for code in cases:
    try:
        exec(code, {"enum": enum, "itertools": itertools, "typing": typing})
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class Plain:
    pass
print(type(object.__new__(Plain)).__name__)


# Reaching object.__new__ through the class itself is refused too (CPython
# makes an int 0 here; tulip raises rather than build an int without value).
class J(int):
    __new__ = object.__new__
try:
    print(repr(J()), hash(J()))
except TypeError as e:
    print("TypeError", e)

# bytearray item and slice stores and deletes whose __index__ empties it.
def emptying(ba, result):
    class X:
        def __index__(self):
            ba.clear()
            return result
    return X()
for code in ["b[x] = x", "b[x:3] = b'xyz'", "del b[x:3:x]", "del b[x]", "b[::x] = b'ab'"]:
    b = bytearray(b'abcd')
    try:
        exec(code, {"b": b, "x": emptying(b, 1)})
        print(code, "->", b)
    except (IndexError, ValueError) as e:
        print(code, "->", type(e).__name__, e)

# A list slice read whose bound's __index__ empties the list.
a = list(range(10))
print(a[emptying(a, 2):8], a)

# tee with a count too large to allocate fails at once.
try:
    itertools.tee(iter([1, 2]), sys.maxsize)
except MemoryError:
    print("MemoryError")
