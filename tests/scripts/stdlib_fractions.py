# fractions and numbers: construction, arithmetic with every numeric type,
# comparisons, hashing, rounding, limit_denominator, and the errors.
import math
import numbers
from fractions import Fraction as F


def attempt(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


for args in [(), (3,), (6, 4), (-6, 4), (6, -4), (0, 5), (F(1, 2), F(3, 4)),
             ('3/4',), (' -12/16 ',), ('1.5',), ('-.25',), ('1e3',), ('2.5E-2',),
             ('1_000',), ('+7',), (0.5,), (-0.1,), (True,), (F(5, 10),), (3, True)]:
    f = F(*args)
    print(args, repr(f), str(f), f.numerator, f.denominator, f.as_integer_ratio())

for bad in [('1/0',), (1, 0), ('abc',), ('1.2.3',), ('1/2.0',), ('',), (' ',), ('1__0',),
            ('_1',), (1.5, 2), ('1', 2), (object(),), (float('nan'),), (float('inf'),), ([],)]:
    attempt(F, *bad)

a, b = F(1, 3), F(3, 4)
for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (a, 1j), (b, -b), (a, True)]:
    print(repr(x), repr(y), [repr(r) for r in (x + y, x - y, x * y, x / y)])
for x, y in [(F(7, 2), F(2, 3)), (F(-7, 2), 2), (7, F(2, 3)), (F(7, 2), 1.5)]:
    print(repr(x // y), repr(x % y), repr(divmod(x, y)))
print(repr(F(2, 3) ** 2), repr(F(2, 3) ** -2), repr(F(-2, 3) ** -3), repr(F(4, 9) ** F(1, 2)),
      repr(F(2, 3) ** 0.5), repr(2 ** F(3)), repr(4 ** F(1, 2)), repr(F(1, 2) ** F(2)), repr(2.0 ** F(1, 2)))
attempt(lambda: F(0) ** -1)
attempt(lambda: F(1, 3) / 0)
attempt(lambda: F(-1, 3) / F(0))
attempt(lambda: F(0) / 0)
attempt(lambda: F(1) // 0)
attempt(lambda: F(1) + 'x')
attempt(lambda: 'x' * F(1))

x = F(-7, 3)
print(repr(-x), repr(+x), repr(abs(x)), int(x), math.trunc(x), math.floor(x), math.ceil(x), float(x), bool(x), bool(F(0)))
for v in [F(5, 2), F(7, 2), F(-5, 2), F(1, 3), F(2, 3), F(12345, 100)]:
    print(round(v), repr(round(v, 1)), repr(round(v, -1)), repr(round(v, 0)))
print(F(1, 2) == 0.5, F(1, 3) == 1 / 3, F(2) == 2, F(2, 1) == 2.0, F(1, 2) == 0.5 + 0j, F(1, 2) != F(2, 4))
print(F(1, 2) < 1, F(1, 2) > 0.4, F(1, 2) <= F(1, 2), 1 < F(3, 2), F(1, 2) < float('inf'), F(1, 2) > float('nan'))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)), hash(F(-1, 3)))
print(sorted([F(1, 2), 0.25, 1, F(-1, 3)]), max(F(1, 7), F(1, 8)))
print(repr(F(math.pi).limit_denominator(1000)), repr(F(3.14159).limit_denominator(10)),
      repr(F(1, 3).limit_denominator(5)), repr(F(-22, 7).limit_denominator(3)))
attempt(F(1, 2).limit_denominator, 0)
print(repr(F.from_float(0.75)), repr(F.from_float(3)), repr(F.from_decimal(4)))
attempt(F.from_float, '1')
attempt(F.from_float, float('nan'))
print(isinstance(F(1), numbers.Rational), isinstance(F(1), numbers.Number), isinstance(1, numbers.Integral),
      isinstance(1.0, numbers.Real), isinstance(1.0, numbers.Rational), isinstance(1j, numbers.Complex),
      isinstance(True, numbers.Integral), isinstance('x', numbers.Number), issubclass(int, numbers.Complex))
print(math.isclose(float(F(1, 3)), 0.3333333333333333), F(10**30, 3), F(1, 10**20) + 1)
print(f'{F(1, 3)}', '%s' % F(3, 6), [F(1, 2)], {F(1, 2): 'half'})
import copy
print(copy.copy(F(1, 5)), copy.deepcopy(F(2, 5)))


class Sub(F):
    pass


print(repr(Sub(1, 2)), type(Sub(1, 2) + 1).__name__)
