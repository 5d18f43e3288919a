# Integer conversions of subscripts and native arguments: huge ints and
# __index__ results give CPython's IndexError/OverflowError per site; and
# in-place repetition's error names the sequence rule CPython applies.
tests = [
    lambda: [1, 2][-(10**30)], lambda: [1, 2][10**30], lambda: (1, 2)[10**30], lambda: 'ab'[10**30],
    lambda: b'ab'[-10**30], lambda: range(3)[10**30], lambda: bytearray(b'a')[10**30],
    lambda: [1][10**30:], lambda: [1, 2].pop(10**30), lambda: [1].insert(10**30, 1),
    lambda: 'a' * 10**30, lambda: [1] * 10**30, lambda: (1,) * -10**30,
]
for t in tests:
    try:
        print(repr(t())[:50])
    except Exception as e:
        print(type(e).__name__, e)
for seq in ['a', [1], (1,), b'x', bytearray(b'x')]:
    for other in [ValueError('x'), 1.5, None, 'z']:
        try:
            x = seq
            x *= other
        except TypeError as e:
            print(e)
        try:
            other * seq
        except TypeError as e:
            print(e)
class Big:
    def __index__(self): return 10**30
class Bad:
    def __index__(self): return 'x'
class Ok:
    def __index__(self): return 1
tests = [lambda: [1, 2][Big()], lambda: [1, 2][Bad()], lambda: [1, 2][Ok()], lambda: 'ab'[Big()],
         lambda: [1, 2].pop(Big()), lambda: 'abc'.ljust(Big()), lambda: [1] * Big(), lambda: range(3)[Big()],
         lambda: (1, 2)[Bad()], lambda: 'a'.center(Bad()), lambda: bytes(Big()), lambda: [1,2,3][Ok():Big()],
         lambda: 'abc'.split('b', Big()), lambda: 'abc'.split('b', 10**30), lambda: (1,2).index(2, 10**30),
         lambda: [1,2].index(2, -10**30), lambda: 'abc'.find('c', 10**30), lambda: b'abc'[10**30],
         lambda: hex(Big()), lambda: [0] * (-10**30), lambda: 'ab'.expandtabs(10**30)]
for t in tests:
    try:
        print(repr(t())[:50])
    except Exception as e:
        print(type(e).__name__, e)
for a, b in [(ValueError('x'), 'a'), (1.5, 'a'), (None, [1]), (object(), (1,)), (ValueError(), b'x')]:
    try:
        a *= b
    except TypeError as e:
        print(e)
    try:
        a * b
    except TypeError as e:
        print(e)
class Mine: pass
class MyErr(ValueError): pass
for a, b in [(Mine(), 'a'), (MyErr(), [1]), ({}, 'a'), (set(), (1,)), (range(2), 'x'), ({}.keys(), 'a'), (1.5, b'x'), (None, 'x')]:
    try:
        a *= b
    except TypeError as e:
        print(e)
