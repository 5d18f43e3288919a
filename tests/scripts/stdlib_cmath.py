# cmath: every function over a grid of finite, infinite and NaN parts (C99 Annex G special values), rect, constants, errors.
import cmath, math
inf, nan = math.inf, math.nan
vals = [-inf, -1e300, -710.0, -2.3, -1.0, -0.5, -1e-300, -0.0, 0.0, 1e-300, 0.5, 1.0, 2.3, 710.0, 1e300, inf, nan]
def show(r):
    if isinstance(r, complex):
        return f'({r.real!r}, {r.imag!r})'
    return repr(r)
names = ['acos','acosh','asin','asinh','atan','atanh','cos','cosh','exp','log','log10','sin','sinh','sqrt','tan','tanh','phase','polar','isfinite','isinf','isnan']
for name in names:
    f = getattr(cmath, name)
    for x in vals:
        row = []
        for y in vals:
            try:
                row.append(show(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__ + ':' + str(e))
        print(name, x, ' '.join(row))
for r in vals:
    for p in vals:
        try: print('rect', r, p, show(cmath.rect(r, p)))
        except Exception as e: print('rect', r, p, type(e).__name__, e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.log(8, 2), cmath.log(-1), cmath.log(1j, 10), cmath.sqrt(-1), cmath.sqrt(4), cmath.exp(1j * cmath.pi))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(1j, 2j, abs_tol=1))
for bad in ['x', None, [1]]:
    try: cmath.sqrt(bad)
    except TypeError as e: print(e)
try: cmath.isclose(1, 2, rel_tol=-1)
except ValueError as e: print(e)
try: cmath.log(0, 1)
except Exception as e: print(type(e).__name__, e)
try: cmath.log(2, 1)
except Exception as e: print(type(e).__name__, e)
class C:
    def __complex__(self): return 2j
class F:
    def __float__(self): return 2.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.phase(-1), cmath.polar(1j), cmath.polar(-1))
