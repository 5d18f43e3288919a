# Each of these used to crash or hang tulip (issue 13's list); CPython
# answers at once, and so must tulip.
import math
import sys

cases = {
    "too many digits": "int('9' * 10**5)",
    "str of a huge int": "str(10**5000)",
    "perm with a huge k": "math.perm(2**64, 2**63)",
    "comb with a huge k": "math.comb(2**64, 2**63)",
    "huge slice step": "(1, 'a')[-1::2**63-1]",
    "list huge slice step": "[1, 2, 3][1::2**63-1]",
    "dict holding its values view": "d = {}; d[1] = d.values(); r = repr(d)",
    "dict holding its items view": "d = {}; d[1] = d.items(); r = repr(d)",
    "bytes of a generic alias": "bytes(type[:4])",
    "subscripted alias": "list[int][0]",
    "deep frozenset hash": "x = frozenset()\nfor i in range(100000): x = frozenset([x])\nhash(x); x == x",
    "__index__ clears the list": "a = [1, 2, 3]\nclass X:\n    def __index__(self): a.clear(); return 0\na[X()]",
    "__index__ clears before store": "a = [1, 2, 3]\nclass X:\n    def __index__(self): a.clear(); return 1\na[X()] = 5",
    "__index__ clears before del": "a = [1, 2, 3]\nclass X:\n    def __index__(self): a.clear(); return 1\ndel a[X()]",
    "__index__ clears before slice store": "a = list(range(10))\nclass X:\n    def __index__(self): a.clear(); return 5\na[X():8] = [1]",
    "__index__ clears before slice del": "a = list(range(10))\nclass X:\n    def __index__(self): a.clear(); return 2\ndel a[X():8:2]",
}
for name, code in cases.items():
    try:
        exec(code, {"math": math})
        print(name, "ok")
    except (ValueError, OverflowError, TypeError, IndexError, RecursionError) as e:
        print(name, type(e).__name__, str(e)[:70])
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
