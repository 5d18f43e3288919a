# decimal: construction, str/repr, arithmetic, rounding modes, contexts, signals, format().
import decimal
from decimal import *
import math
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
vals = ['0', '-0', '1', '-1', '1.5', '2.5', '-2.5', '0.1', '123.456', '1E+5', '1.23E-7', '0.000001', '0.0000001',
        '1234567890123456789012345678901234567890', 'Infinity', '-Infinity', 'NaN', '100', '7', '-3', '0.00', '1e-30', '9.999999999999999999999999999999']
D = Decimal
for v in vals:
    d = D(v)
    print(v, str(d), repr(d), d.as_tuple(), d.adjusted(), d.to_eng_string(), +d, -d, abs(d))
    show(lambda: hash(d) == hash(float(d)) if d.is_finite() else None)
    show(lambda: int(d)); show(lambda: float(d)); show(lambda: round(d)); show(lambda: round(d, 2))
    show(lambda: d.sqrt()); show(lambda: d.normalize()); show(lambda: d.to_integral_value())
    show(lambda: d.quantize(D('0.01'))); show(lambda: d.quantize(D('1E+1'), rounding=ROUND_UP))
    show(lambda: d.exp()); show(lambda: d.ln()); show(lambda: d.log10())
    show(lambda: math.floor(d)); show(lambda: math.ceil(d)); show(lambda: d.as_integer_ratio())
    for w in vals[:12] + ['3', '-7', '0.3']:
        e = D(w)
        show(lambda: (d + e, d - e, d * e))
        show(lambda: d / e); show(lambda: d // e); show(lambda: d % e); show(lambda: divmod(d, e))
        show(lambda: (d < e, d <= e, d == e, d != e, d > e))
        show(lambda: d.compare(e)); show(lambda: d.max(e)); show(lambda: d.min(e)); show(lambda: d.compare_total(e))
    for p in [0, 1, 2, 3, -1, -2, 10, '0.5', '-0.5', '1.5', '2.25']:
        show(lambda: d ** D(p))
    for spec in ['', '.2f', '.3e', 'g', '.3g', '%', '012,.1f', '+', '>10', '^12.2e', 'E', 'F', ',', ',.2f', 'z.1f', '.0f', '.10g', '010.3f']:
        show(lambda: format(d, spec))
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_05UP]:
    for v in ['2.5', '-2.5', '2.55', '2.45', '-2.45', '1.05', '1.15', '0.005', '2.501']:
        print(mode, v, D(v).quantize(D('0.1'), rounding=mode), D(v).to_integral_value(rounding=mode))
getcontext().prec = 6
print(D(1) / D(7), D(2).sqrt(), D('123456789') + 1, getcontext())
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1)/3, ctx)
print(D(1)/3)
with localcontext(prec=50) as ctx:
    print(D(2).sqrt())
print(getcontext())
c = Context(prec=3, rounding=ROUND_DOWN)
print(c, c.add(D('1.234'), D('5.678')), c.divide(1, 3), c.create_decimal('3.14159'), c.sqrt(2), c.power(2, 10))
print(D(0.1), D(-0.0), D(1e20), D(float('inf')), Decimal.from_float(0.5))
print(D((0, (1, 2, 3), -2)), D((1, (), 'F')), D(' 12_000 '), D('-.5'), D('5.'), D('1e1_0'))
for bad in ['abc', '1..2', '', '_1', '1_', 'e5', '1e', '--1', 'in', (2, (1,), 0), (0, (10,), 0), [1, 2], 1j]:
    show(lambda: D(bad))
show(lambda: D(1) + 1.5); show(lambda: 1.5 * D(1)); show(lambda: D(1) + 'a')
show(lambda: D('NaN') < 1); show(lambda: D('NaN') == D('NaN')); show(lambda: D(1) == 1.0); show(lambda: D('0.5') < 0.6)
from fractions import Fraction
show(lambda: D('0.5') == Fraction(1, 2)); show(lambda: D('0.5') < Fraction(2, 3))
show(lambda: hash(D('0.5')) == hash(0.5)); show(lambda: hash(D(10**30)) == hash(10**30)); show(lambda: hash(D('-1')))
show(lambda: hash(D('sNaN'))); show(lambda: int(D('NaN'))); show(lambda: int(D('-Inf'))); show(lambda: round(D('NaN')))
show(lambda: D(1) / 0); show(lambda: D(0) / 0); show(lambda: D(10**30) // D('0.1')); show(lambda: D(1) % 0)
show(lambda: D('1e999999') * 10); show(lambda: D(-1).sqrt()); show(lambda: D(1).quantize(D('1e-30')))
show(lambda: D('1e-999999') / 10**10)
getcontext().traps[DivisionByZero] = False
show(lambda: D(1) / 0); show(lambda: D(-1) / 0)
getcontext().traps[InvalidOperation] = False
show(lambda: D(0) / 0); show(lambda: D('x'))
print(getcontext().flags[DivisionByZero], getcontext())
setcontext(DefaultContext)
print(getcontext())
show(lambda: Context(prec=0)); show(lambda: Context(rounding='x')); show(lambda: getcontext().flags['x'])
print(D(2) ** 100, D(2) ** -3, D('2.0') ** 3, D('1.1') ** 50, D(3) ** D('1E+1'), D('0.5') ** 1000)
print(pow(D(3), 4, 7), pow(D(-3), 3, 5))
print(D(10).ln(), D(2).exp(), D(100).log10(), D('0.001').log10(), D(-1).exp(), D('1.000001').ln())
print(D(5).fma(3, 2), D('1.5').copy_sign(D(-1)), D(1).next_plus(), D(1).next_minus(), D('-Infinity').next_plus())
print(D('123.4500').normalize(), D('0.00').normalize(), D('1E+3').scaleb(2), D(1234).logb(), D(7).remainder_near(4), D(5).remainder_near(2))
print(D(1).number_class(), D('-0').number_class(), D('NaN').number_class(), D(1).same_quantum(D('1.0')))
print(sorted([D('1.5'), D(1), D('-2'), D('0.5')]), sum([D('0.1')] * 10), max(D(1), D(2)))
print(f'{D("3.14159"):.2f}', f'{D("1234567.5"):,}', f'{D("0.5"):%}', f'{D("1e3"):f}')
print(D(3).is_signed(), D(-3).is_signed(), D('NaN').is_nan(), D('sNaN').is_snan(), D(0).is_zero(), D('1e-1000000').is_subnormal())
print(InvalidOperation.__mro__, issubclass(DivisionByZero, ZeroDivisionError), DecimalTuple(0, (1,), 0))
print(Decimal('1.30') + Decimal('1.20'), Decimal('7') * Decimal('0.5'), Decimal('1') / Decimal('8'))
print(list(map(str, [D('0.0000001'), D('1E+2'), D('-1.5E-10'), D('123E3'), D('0E-8'), D('0E+2')])))
print(D(7).to_integral_exact(), getcontext().flags[Inexact], ExtendedContext, BasicContext)
# Coefficients beyond sys.int_max_str_digits, and arguments far from the precision.
big = Decimal(10**5000 + 7)
print(len(str(big)), str(big)[-3:], big.adjusted(), len(big.as_tuple().digits), len(str(Decimal('1' * 6000))))
print(Decimal('1e-999999').exp(), Decimal('-1e-999999').exp(), Decimal('1e-50').exp(), Decimal('-1e-50').exp())
with localcontext(prec=6000):
    print(str(Decimal(2).sqrt())[:20], len(str(Decimal(2).sqrt())), str(Decimal(1) / 7)[-5:])
print((Decimal(3) ** 100000).adjusted(), Decimal(10**5000).log10())
# The context is per thread and per asyncio task.
import threading, asyncio
getcontext().prec = 6
seen = []
def worker():
    seen.append(getcontext().prec)
    getcontext().prec = 3
    seen.append(str(Decimal(1) / 3))
t = threading.Thread(target=worker)
t.start()
t.join()
print(seen, getcontext().prec, Decimal(1) / 3)
async def task(p):
    with localcontext() as ctx:
        ctx.prec = p
        await asyncio.sleep(0)
        return str(Decimal(2).sqrt())
async def main():
    print(await asyncio.gather(task(4), task(8)), Decimal(2).sqrt())
asyncio.run(main())
