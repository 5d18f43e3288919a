"""Powers, exp, ln and log10 of decimal.Decimal.

Integer powers are exact before the one rounding to the context. The
transcendental functions work on fixed-point ints (a value v stands for
v / 10**w) with guard digits, and are recomputed with more digits until
the error bound rounds one way (Ziv's strategy), so results are correctly
rounded except for exact results such as 4 ** 0.5, which come out as the
exact value's rounding.
"""

import math
import decimal
from decimal import _dec, _ndigits, _nan_result, Inexact, Rounded

# Exact integer powers are computed up to this many coefficient digits;
# beyond it, repeated squaring keeps a few more digits than needed.
_EXACT_DIGITS = 4000
_ONE = _dec(0, 1, 0)


def power(x, y, ctx):
    nan = _nan_result(x, y, ctx)
    if nan is not None:
        return nan
    integral = not y._special and (y._exp >= 0 or y._coef % 10 ** -y._exp == 0)
    odd = integral and _is_odd(y)
    sign = x._sign & odd
    if x.is_zero():
        if y.is_zero():
            return ctx._invalid()
        if y._sign:
            return _dec(sign, 0, 0, 'F')
        return _dec(sign, 0, 0)
    if y.is_zero():
        return _dec(0, 1, 0)
    if x._sign and not integral:
        return ctx._invalid()
    if x._special == 'F':
        if y._sign:
            return _dec(sign, 0, 0)
        return _dec(sign, 0, 0, 'F')
    if y._special == 'F':
        c = x.copy_abs()._compare_value(_ONE)
        if c == 0:
            ctx._raise([Inexact, Rounded])
            return _dec(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
        if (c > 0) == (y._sign == 0):
            return _dec(0, 0, 0, 'F')
        return _dec(0, 0, 0)
    bound = _beyond_range(x, y, sign, ctx)
    if bound is not None:
        return bound
    if integral:
        return _integer_power(x, int(y), sign, ctx)
    result = _rounded(ctx, lambda w: _exp_fixed(_ln_product(x, y, w), w))
    return _dec(sign, result._coef, result._exp)._fix(ctx)


def _is_odd(y):
    if y._exp > 0:
        return 0
    return (y._coef // 10 ** -y._exp) & 1


def _log10_abs(x):
    """log10(|x|) as a float, for estimates."""
    n = _ndigits(x._coef)
    lead = x._coef // 10 ** (n - 17) if n > 17 else x._coef
    return math.log10(lead) + max(n - 17, 0) + x._exp


def _beyond_range(x, y, sign, ctx):
    """An overflowing or underflowing result, computed from an estimate of
    its exponent, or None."""
    lg = _log10_abs(x)
    if lg == 0:
        return None
    try:
        estimate = float(y) * lg
    except OverflowError:
        estimate = math.inf if (y._sign == 0) == (lg > 0) else -math.inf
    if estimate > ctx.Emax + 2:
        return _dec(sign, 1, ctx.Emax + 1)._fix(ctx)
    if estimate < ctx.Etiny() - 2:
        return _dec(sign, 1, ctx.Etiny() - 2)._fix(ctx)
    return None


def _integer_power(x, n, sign, ctx):
    m = abs(n)
    if _ndigits(x._coef) * m <= _EXACT_DIGITS:
        coef, exp, exact = x._coef ** m, x._exp * m, True
    else:
        coef, exp, exact = _approx_power(x._coef, x._exp, m, ctx.prec + len(str(m)) + 10)
    if n < 0:
        if exact:
            q = _ONE._div(_dec(0, coef, exp), ctx)
            return _dec(sign, q._coef, q._exp, q._special)
        q = _ONE._div(_dec(0, coef, exp), _quiet(ctx.prec + 10))
        coef, exp = q._coef, q._exp
    if not exact:
        coef, exp = coef * 10 + 1, exp - 1
    return _dec(sign, coef, exp)._fix(ctx)


def _approx_power(coef, exp, m, digits):
    """coef**m truncated to about `digits` digits: (coef, exp, exact)."""
    exact = True

    def trim(c, e):
        nonlocal exact
        extra = _ndigits(c) - digits
        if extra > 0:
            c, r = divmod(c, 10 ** extra)
            e += extra
            exact = exact and r == 0
        return c, e

    result, rexp = 1, 0
    base, bexp = trim(coef, exp)
    while m:
        if m & 1:
            result, rexp = trim(result * base, rexp + bexp)
        m >>= 1
        if m:
            base, bexp = trim(base * base, bexp * 2)
    return result, rexp, exact


def _quiet(prec, rounding=decimal.ROUND_HALF_EVEN):
    """A context for intermediate results: no traps, no exponent limits."""
    return decimal.Context(prec=prec, rounding=rounding, Emin=decimal.MIN_EMIN,
                           Emax=decimal.MAX_EMAX, traps=[])


# -- fixed point ---------------------------------------------------------------

def _fixed(x, w):
    """|x| as a fixed-point int with w fraction digits (truncated)."""
    shift = x._exp + w
    if shift >= 0:
        return x._coef * 10 ** shift
    return x._coef // 10 ** -shift


def _ln_fixed(c, e, w):
    """ln(c * 10**e) for c > 0, fixed-point with w fraction digits."""
    g = w + len(str(abs(e) + _ndigits(c))) + 12    # guard digits
    one = 10 ** g
    nd = _ndigits(c)
    k = e + nd - 1                  # c * 10**e = m * 10**k, 1 <= m < 10
    shift = g - (nd - 1)
    m = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    total = _ln_near(m, one, g) + k * _ln10(g)
    return total // 10 ** (g - w)


def _ln_near(m, one, g):
    """ln(m / one) for m / one in (0, 10]: square roots bring it near 1,
    then ln = 2 atanh((m - 1) / (m + 1))."""
    halvings = 0
    while abs(m - one) * 1000 > one:
        m = math.isqrt(m * one)
        halvings += 1
    t = (m - one) * one // (m + one)
    t2 = t * t // one
    term, total, i = t, 0, 1
    while term:
        total += term // i
        term = term * t2 // one
        i += 2
    return 2 * total << halvings


_LN10 = {}


def _ln10(g):
    if g not in _LN10:
        _LN10[g] = _ln_near(10 ** (g + 1), 10 ** g, g)
    return _LN10[g]


def _exp_fixed(v, w):
    """exp(v / 10**w) as (coef, exp): v = k ln10 + r with 0 <= r < ln10,
    exp(r) by halving, the Taylor series and squaring back."""
    g = w + len(str(abs(v) // 10 ** w)) + 12
    v = v * 10 ** (g - w)
    one = 10 ** g
    ln10 = _ln10(g)
    k = v // ln10
    r = v - k * ln10
    halvings = 0
    while r * 1000 > one:
        r //= 2
        halvings += 1
    term, total, i = one, 0, 1
    while term:
        total += term
        term = term * r // (one * i)
        i += 1
    for _ in range(halvings):
        total = total * total // one
    return total, k - g


def _ln_product(x, y, w):
    """y * ln|x| as a fixed-point int with w fraction digits."""
    extra = max(0, y.adjusted()) + 2
    lnx = _ln_fixed(x._coef, x._exp, w + extra)
    v = lnx * y._coef
    shift = y._exp - extra
    v = v * 10 ** shift if shift >= 0 else v // 10 ** -shift
    return -v if y._sign else v


def _rounded(ctx, compute):
    """A correctly rounded positive result of `compute(w)` -> (coef, exp),
    an approximation good to a few units in its last of about w digits."""
    w = ctx.prec + 10
    quiet = _quiet(ctx.prec, ctx.rounding)
    for _ in range(4):
        coef, exp = compute(w)
        lo = _dec(0, coef - 200, exp)._fix(quiet)
        hi = _dec(0, coef + 200, exp)._fix(quiet)
        if lo._coef == hi._coef and lo._exp == hi._exp:
            break
        w *= 2
    return _dec(0, coef * 10 + 1, exp - 1)


def exp_of(x, ctx):
    if x._special == 'F':
        return _dec(0, 0, 0) if x._sign else x
    if x._coef == 0:
        return _dec(0, 1, 0)
    if x.adjusted() > len(str(max(ctx.Emax, -ctx.Etiny()))) + 1:
        return _dec(0, 1, ctx.Etiny() - 2 if x._sign else ctx.Emax + 1)._fix(ctx)
    if x.adjusted() < -(ctx.prec + 2):
        # exp(x) = 1 + x + ...: only the side of 1 it falls on matters.
        one = 10 ** (ctx.prec + 2)
        return _dec(0, one - 1 if x._sign else one + 1, -(ctx.prec + 2))._fix(ctx)
    adjust = max(0, -x.adjusted())
    result = _rounded(ctx, lambda w: _exp_fixed(_signed_fixed(x, w + adjust), w + adjust))
    return result._fix(ctx)


def _signed_fixed(x, w):
    v = _fixed(x, w)
    return -v if x._sign else v


def ln_of(x, ctx):
    if x._special == 'F':
        return ctx._invalid() if x._sign else x
    if x._coef == 0:
        return _dec(1, 0, 0, 'F')
    if x._sign:
        return ctx._invalid()
    if x._exp <= 0 and x._coef == 10 ** -x._exp:
        return _dec(0, 0, 0)
    return _log(x, ctx, lambda w: _ln_fixed(x._coef, x._exp, w))


def log10_of(x, ctx):
    if x._special == 'F':
        return ctx._invalid() if x._sign else x
    if x._coef == 0:
        return _dec(1, 0, 0, 'F')
    if x._sign:
        return ctx._invalid()
    n = _ndigits(x._coef)
    if x._coef == 10 ** (n - 1):
        return decimal.Decimal(x.adjusted())._fix(ctx)

    def compute(w):
        g = w + 5
        return _ln_fixed(x._coef, x._exp, g) * 10 ** g // _ln10(g) // 10 ** (g - w)
    return _log(x, ctx, compute)


def _log(x, ctx, fixed):
    """A logarithm from its fixed-point `fixed(w)`, with extra digits when
    x is near 1 and the result near 0."""
    near = x._add(_dec(1, 1, 0), _quiet(ctx.prec + 5))
    extra = max(0, -near.adjusted()) if near._coef else 0

    def compute(w):
        v = fixed(w + extra)
        return abs(v), -(w + extra)
    result = _rounded(ctx, compute)
    sign = int(x._compare_value(_ONE) < 0)
    return _dec(sign, result._coef, result._exp)._fix(ctx)
