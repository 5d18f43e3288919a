"""Decimal floating point arithmetic after the General Decimal Arithmetic
specification, as CPython's `decimal` module offers it.

A finite Decimal is sign, coefficient (a non-negative int) and exponent:
(-1)**sign * coefficient * 10**exponent. Python ints carry the coefficient,
so every result is exact before the context rounds it. Infinities and NaNs
keep a special tag instead of an exponent ('F', 'n' quiet, 'N' signalling),
the tags `as_tuple()` shows. Conditions (ConversionSyntax, Overflow, ...)
set flags on the context and raise when their signal is trapped, with the
condition list as the message, as CPython's C implementation does.
"""

from _tulip import c_type as _c_type
import math
import numbers

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

from _decimal_context import (  # noqa: F401 (the public names are decimal's)
    ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
    ROUND_HALF_DOWN, ROUND_05UP, MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY,
    HAVE_THREADS, HAVE_CONTEXTVAR, DecimalException, Clamped, InvalidOperation,
    ConversionSyntax, DivisionByZero, DivisionImpossible, DivisionUndefined, Inexact,
    InvalidContext, Rounded, Subnormal, Overflow, Underflow, FloatOperation,
    DecimalTuple, getcontext, setcontext, localcontext, Context, DefaultContext,
    BasicContext, ExtendedContext, _SIGNALS, _signal_dict)

# sys.hash_info.modulus and .inf: hashes agree with int, float and Fraction.
_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159


# -- helpers on coefficients -------------------------------------------------

# int <-> str conversions of more digits than this are split, so that
# sys.int_max_str_digits, which does not limit Decimal, is never reached.
_CHUNK_DIGITS = 4000


def _ndigits(coef):
    """The number of decimal digits of a non-negative int (1 for 0)."""
    if coef < 10 ** 18:
        return len(str(coef))
    # 2**(b-1) <= coef < 2**b puts the digit count at k + 1 or k + 2.
    k = (coef.bit_length() - 1) * 30102999566 // 10 ** 11
    return k + 2 if coef >= 10 ** (k + 1) else k + 1


def _digit_str(coef):
    """str(coef) for a non-negative int of any size."""
    if coef < 10 ** _CHUNK_DIGITS:
        return str(coef)
    half = _ndigits(coef) // 2
    high, low = divmod(coef, 10 ** half)
    return _digit_str(high) + _digit_str(low).rjust(half, '0')


def _int_of(digits):
    """int(digits) for a string of ASCII digits of any length."""
    if len(digits) <= _CHUNK_DIGITS:
        return int(digits)
    half = len(digits) // 2
    return _int_of(digits[:-half]) * 10 ** half + _int_of(digits[-half:])


def _shift_round(sign, coef, n, rounding):
    """`coef` with its last `n` (> 0) digits dropped under `rounding`, and
    whether a non-zero digit was dropped."""
    if n > _ndigits(coef) + 1:
        q, r, half_cmp = 0, coef, -1    # everything dropped: below a half
    else:
        p = 10 ** n
        q, r = divmod(coef, p)
        half = p // 2
        half_cmp = (r > half) - (r < half)
    if r == 0:
        return q, False
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_UP:
        up = half_cmp >= 0
    elif rounding == ROUND_HALF_DOWN:
        up = half_cmp > 0
    elif rounding == ROUND_HALF_EVEN:
        up = half_cmp > 0 or (half_cmp == 0 and q & 1 == 1)
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:                               # ROUND_05UP
        up = q % 5 == 0
    return q + up, True


def _dec(sign, coef, exp, special=''):
    """A Decimal from its parts, unchecked."""
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._special = special
    return d


def _convert(other, strict=False):
    """`other` as a Decimal when it is one or an int; otherwise
    NotImplemented, or a TypeError when `strict`."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if strict:
        raise TypeError(f'conversion from {type(other).__name__} to Decimal is not supported')
    return NotImplemented


def _context(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def _nan_result(a, b, ctx):
    """The result of an operation on a NaN operand, or None if neither is
    one: a signalling NaN is invalid and gives its quiet twin."""
    for x in (a, b):
        if x is not None and x._special == 'N':
            ctx._raise([InvalidOperation])
            return _dec(x._sign, x._coef, 0, 'n')
    for x in (a, b):
        if x is not None and x._special == 'n':
            return x
    return None


def _unsupported(op, a, b):
    def name(x):
        return 'decimal.Decimal' if isinstance(x, Decimal) else type(x).__name__
    return TypeError(f"unsupported operand type(s) for {op}: '{name(a)}' and '{name(b)}'")


def _parse(text):
    """(sign, coef, exp, special) of a numeric string, or None."""
    # CPython's C decimal drops every underscore, wherever it is.
    s = text.strip().replace('_', '')
    if not s.isascii():
        s = ''.join(str(int(ch)) if ch.isdecimal() else ch for ch in s)
    sign = 0
    if s[:1] in ('+', '-'):
        sign = int(s[0] == '-')
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    for tag, prefix in (('N', 'snan'), ('n', 'nan')):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload == '':
                return sign, 0, 0, tag
            if payload.isdigit():
                return sign, _int_of(payload), 0, tag
            return None
    mantissa, e, exp_text = low.partition('e')
    exp = 0
    if e:
        body = exp_text[1:] if exp_text[:1] in ('+', '-') else exp_text
        if not body.isdigit():
            return None
        exp = int(exp_text)
    whole, dot, frac = mantissa.partition('.')
    if not whole and not frac:
        return None
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    return sign, _int_of(whole + frac), exp - len(frac), ''


# -- Decimal -----------------------------------------------------------------

@_c_type
class Decimal:
    """A decimal floating point number: Decimal('3.14'), Decimal(7),
    Decimal((0, (3, 1, 4), -2)), Decimal.from_float(0.1)."""

    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            parts = value._sign, value._coef, value._exp, value._special
        elif isinstance(value, int):
            parts = int(value < 0), abs(int(value)), 0, ''
        elif isinstance(value, str):
            parts = _parse(value)
            if parts is None:
                ctx = _context(context)
                ctx._raise([ConversionSyntax])
                parts = 0, 0, 0, 'n'
        elif isinstance(value, float):
            _context(context)._raise([FloatOperation])
            d = cls.from_float(value)
            parts = d._sign, d._coef, d._exp, d._special
        elif isinstance(value, (tuple, list)):
            parts = _from_tuple(value)
        else:
            raise TypeError(f'conversion from {type(value).__name__} to Decimal is not supported')
        self._sign, self._coef, self._exp, self._special = parts
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float (or int) `f`."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        sign = int(math.copysign(1.0, f) < 0)
        if math.isnan(f):
            d = _dec(sign, 0, 0, 'n')
        elif math.isinf(f):
            d = _dec(sign, 0, 0, 'F')
        else:
            n, den = abs(f).as_integer_ratio()
            k = den.bit_length() - 1
            d = _dec(sign, n * 5 ** k, -k)
        return d if cls is Decimal else cls(d)

    # -- the parts -----------------------------------------------------------

    def as_tuple(self):
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in _digit_str(self._coef)) if self._coef or not self._special else ()
        return DecimalTuple(self._sign, digits, self._special or self._exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._special:
            raise ValueError('cannot convert NaN to integer ratio')
        sign = -1 if self._sign else 1
        if self._exp >= 0:
            return sign * self._coef * 10 ** self._exp, 1
        den = 10 ** -self._exp
        g = math.gcd(self._coef, den)
        return sign * (self._coef // g), den // g

    def adjusted(self):
        """The exponent of the most significant digit."""
        if self._special:
            return 0
        return self._exp + _ndigits(self._coef) - 1

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._special and self._coef == 0

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        ctx = _context(context)
        return not self._special and self._coef != 0 and self.adjusted() >= ctx.Emin

    def is_subnormal(self, context=None):
        ctx = _context(context)
        return not self._special and self._coef != 0 and self.adjusted() < ctx.Emin

    def number_class(self, context=None):
        ctx = _context(context)
        if self._special == 'N':
            return 'sNaN'
        if self._special == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == 'F':
            return sign + 'Infinity'
        if self._coef == 0:
            return sign + 'Zero'
        if self.adjusted() < ctx.Emin:
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        return Decimal(10)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return (self.is_nan() and other.is_nan()) or (self._special == other._special == 'F')
        return self._exp == other._exp

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def copy_abs(self):
        return _dec(0, self._coef, self._exp, self._special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._coef, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._coef, self._exp, self._special)

    # -- rounding to a context -----------------------------------------------

    def _fix(self, ctx):
        """This number rounded to ctx's precision and exponent range, with
        the conditions that raises."""
        if self._special:
            if self._special != 'F':
                keep = ctx.prec - ctx.clamp
                if _ndigits(self._coef) > keep:
                    return _dec(self._sign, self._coef % 10 ** keep, 0, self._special)
            return self
        sign, coef, exp = self._sign, self._coef, self._exp
        etiny, etop = ctx.Etiny(), ctx.Etop()
        conds = []
        if coef == 0:
            new_exp = min(max(exp, etiny), etop if ctx.clamp else ctx.Emax)
            if new_exp != exp:
                ctx._raise([Clamped])
                return _dec(sign, 0, new_exp)
            return self
        nd = _ndigits(coef)
        adjusted = exp + nd - 1
        lowest = max(exp + nd - ctx.prec, etiny)
        inexact = False
        if exp < lowest:
            coef, inexact = _shift_round(sign, coef, lowest - exp, ctx.rounding)
            exp = lowest
            if _ndigits(coef) > ctx.prec:
                coef //= 10
                exp += 1
            conds.append(Rounded)
            if inexact:
                conds.append(Inexact)
        if coef and exp + _ndigits(coef) - 1 > ctx.Emax:
            ctx._raise([Overflow, Inexact, Rounded])
            return _overflow_result(sign, ctx)
        if adjusted < ctx.Emin:
            conds.append(Subnormal)
            if inexact:
                conds.append(Underflow)
                if coef == 0:
                    conds.append(Clamped)
        if ctx.clamp and exp > etop:
            coef *= 10 ** (exp - etop)
            exp = etop
            conds.append(Clamped)
        if conds:
            ctx._raise(conds)
        if coef == self._coef and exp == self._exp:
            return self
        return _dec(sign, coef, exp)

    def _rescale(self, exp, rounding):
        """This finite number with exponent `exp`, rounded; and whether
        digits were dropped, and whether any of them was non-zero."""
        if exp <= self._exp:
            return _dec(self._sign, self._coef * 10 ** (self._exp - exp), exp), False, False
        coef, inexact = _shift_round(self._sign, self._coef, exp - self._exp, rounding)
        return _dec(self._sign, coef, exp), True, inexact

    def _round_digits(self, digits, rounding):
        """This finite number rounded to at most `digits` significant
        digits (for format())."""
        if self._coef == 0:
            return self
        excess = _ndigits(self._coef) - digits
        if excess <= 0:
            return self
        d = self._rescale(self._exp + excess, rounding)[0]
        if _ndigits(d._coef) > digits:
            d = _dec(d._sign, d._coef // 10, d._exp + 1)
        return d

    # -- conversions ---------------------------------------------------------

    def __str__(self):
        return self._to_string(False)

    def to_eng_string(self, context=None):
        return self._to_string(True, context)

    def __repr__(self):
        return f"Decimal('{self}')"

    def _to_string(self, eng, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special:
            prefix = 'sNaN' if self._special == 'N' else 'NaN'
            return sign + prefix + (_digit_str(self._coef) if self._coef else '')
        digits = _digit_str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._coef == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            body = '0.' + '0' * -dotplace + digits
        elif dotplace >= len(digits):
            body = digits + '0' * (dotplace - len(digits))
        else:
            body = digits[:dotplace] + '.' + digits[dotplace:]
        shown = leftdigits - dotplace
        if shown:
            e = 'E' if _context(context).capitals else 'e'
            body += f'{e}{shown:+d}'
        return sign + body

    def __bool__(self):
        return bool(self._special) or self._coef != 0

    def __int__(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._special:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        elif -self._exp > _ndigits(self._coef):
            n = 0
        else:
            n = self._coef // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special == 'N':
            raise ValueError('cannot convert signaling NaN to float')
        if self._special == 'n':
            return -math.nan if self._sign else math.nan
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def _integral(self, rounding):
        """round()/floor()/ceil(): the nearest int under `rounding`."""
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._special:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            return int(self)
        return int(self._rescale(0, rounding)[0])

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._integral(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_dec(0, 1, -n))

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- comparisons and hashing ---------------------------------------------

    def _compare_value(self, other):
        """-1, 0 or 1 for two Decimals that are not NaNs."""
        if self._special or other._special:
            # -1 for -Infinity, 1 for Infinity, 0 for a finite number
            a = (-1 if self._sign else 1) if self._special else 0
            b = (-1 if other._sign else 1) if other._special else 0
            return (a > b) - (a < b)
        if self._coef == 0 and other._coef == 0:
            return 0
        if self._coef == 0:
            return 1 if other._sign else -1
        if other._coef == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        flip = -1 if self._sign else 1
        a_adj, b_adj = self.adjusted(), other.adjusted()
        if a_adj != b_adj:
            return flip if a_adj > b_adj else -flip
        e = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - e)
        b = other._coef * 10 ** (other._exp - e)
        return flip * ((a > b) - (a < b))

    def _comparable(self, other, ordering):
        """`other` as a Decimal for a comparison, NotImplemented, or None
        when a NaN makes the comparison false."""
        if isinstance(other, float):
            ctx = getcontext()
            ctx._raise([FloatOperation])
            other = Decimal.from_float(other)
        elif isinstance(other, numbers.Rational) and not isinstance(other, int):
            other = _RationalOperand(other)
        else:
            other = _convert(other)
            if other is NotImplemented:
                return other
        if self.is_nan() or other.is_nan():
            if ordering or self._special == 'N' or other._special == 'N':
                getcontext()._raise([InvalidOperation])
            return None
        return other

    def _richcmp(self, other, ordering, test):
        other = self._comparable(other, ordering)
        if other is NotImplemented:
            return other
        if other is None:
            return False
        if isinstance(other, _RationalOperand):
            return test(other.compare_with(self) * -1)
        return test(self._compare_value(other))

    def __eq__(self, other):
        return self._richcmp(other, False, lambda c: c == 0)

    def __ne__(self, other):
        r = self._richcmp(other, False, lambda c: c == 0)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return self._richcmp(other, True, lambda c: c < 0)

    def __le__(self, other):
        return self._richcmp(other, True, lambda c: c <= 0)

    def __gt__(self, other):
        return self._richcmp(other, True, lambda c: c > 0)

    def __ge__(self, other):
        return self._richcmp(other, True, lambda c: c >= 0)

    def __hash__(self):
        if self._special == 'N':
            raise TypeError('Cannot hash a signaling NaN value')
        if self._special == 'n':
            return object.__hash__(self)
        if self._special == 'F':
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            h = self._coef * pow(10, self._exp, _HASH_MODULUS) % _HASH_MODULUS
        else:
            h = self._coef * pow(_INVERSE_10, -self._exp, _HASH_MODULUS) % _HASH_MODULUS
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def compare(self, other, context=None):
        ctx = _context(context)
        other = _convert(other, True)
        nan = _nan_result(self, other, ctx)
        if nan is not None:
            return nan
        return Decimal(self._compare_value(other))

    def compare_signal(self, other, context=None):
        ctx = _context(context)
        other = _convert(other, True)
        if self.is_nan() or other.is_nan():
            ctx._raise([InvalidOperation])
            return _nan_result(self, other, ctx)
        return Decimal(self._compare_value(other))

    def compare_total(self, other, context=None):
        """A total order: -NaN < -Infinity < ... < Infinity < NaN, and equal
        values ordered by exponent."""
        return Decimal(_total_cmp(self, _convert(other, True)))

    def compare_total_mag(self, other, context=None):
        return self.copy_abs().compare_total(_convert(other, True).copy_abs())

    def _minmax(self, other, ctx, want_max, magnitude):
        other = _convert(other, True)
        if self.is_nan() or other.is_nan():
            if self._special == 'N' or other._special == 'N' or (self.is_nan() and other.is_nan()):
                return _nan_result(self, other, ctx)
            return (other if self.is_nan() else self)._fix(ctx)
        a, b = (self.copy_abs(), other.copy_abs()) if magnitude else (self, other)
        c = a._compare_value(b)
        if c == 0:
            c = _total_cmp(self, other)
        pick_self = (c > 0) == want_max
        return (self if pick_self else other)._fix(ctx)

    def max(self, other, context=None):
        return self._minmax(other, _context(context), True, False)

    def min(self, other, context=None):
        return self._minmax(other, _context(context), False, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, _context(context), True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, _context(context), False, True)

    # -- arithmetic ----------------------------------------------------------

    def _add(self, other, ctx):
        if self._special or other._special:
            nan = _nan_result(self, other, ctx)
            if nan is not None:
                return nan
            if self._special == 'F':
                if other._special == 'F' and other._sign != self._sign:
                    return ctx._invalid()
                return self
            return other
        if self._coef == 0 and other._coef == 0:
            if self._sign == other._sign:
                sign = self._sign
            else:
                sign = int(ctx.rounding == ROUND_FLOOR)
            return _dec(sign, 0, min(self._exp, other._exp))._fix(ctx)
        if self._coef == 0 or other._coef == 0:
            zero, value = (self, other) if self._coef == 0 else (other, self)
            exp = min(zero._exp, value._exp)
            exp = max(exp, min(value._exp, value.adjusted() - ctx.prec - 1))
            return _dec(value._sign, value._coef * 10 ** (value._exp - exp), exp)._fix(ctx)
        a, b = (self, other) if self._exp >= other._exp else (other, self)
        # An operand far below the other's last kept digit only decides the
        # rounding direction: a 1 just under the rounding position stands in.
        limit = min(a._exp, a.adjusted() - ctx.prec) - 2
        if b.adjusted() < limit:
            b = _dec(b._sign, 1, limit)
        e = b._exp
        va = a._coef * 10 ** (a._exp - e)
        vb = b._coef
        total = (-va if a._sign else va) + (-vb if b._sign else vb)
        if total == 0:
            return _dec(int(ctx.rounding == ROUND_FLOOR), 0, e)._fix(ctx)
        return _dec(int(total < 0), abs(total), e)._fix(ctx)

    def _mul(self, other, ctx):
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = _nan_result(self, other, ctx)
            if nan is not None:
                return nan
            if (self._special == 'F' and other.is_zero()) or (other._special == 'F' and self.is_zero()):
                return ctx._invalid()
            return _dec(sign, 0, 0, 'F')
        return _dec(sign, self._coef * other._coef, self._exp + other._exp)._fix(ctx)

    def _div(self, other, ctx):
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = _nan_result(self, other, ctx)
            if nan is not None:
                return nan
            if self._special == 'F':
                if other._special == 'F':
                    return ctx._invalid()
                return _dec(sign, 0, 0, 'F')
            ctx._raise([Clamped])
            return _dec(sign, 0, ctx.Etiny())
        if other._coef == 0:
            if self._coef == 0:
                return ctx._invalid(DivisionUndefined)
            ctx._raise([DivisionByZero])
            return _dec(sign, 0, 0, 'F')
        ideal = self._exp - other._exp
        if self._coef == 0:
            return _dec(sign, 0, ideal)._fix(ctx)
        shift = _ndigits(other._coef) - _ndigits(self._coef) + ctx.prec + 1
        if shift >= 0:
            q, r = divmod(self._coef * 10 ** shift, other._coef)
        else:
            q, r = divmod(self._coef, other._coef * 10 ** -shift)
        exp = ideal - shift
        if r:
            q, exp = q * 10 + 1, exp - 1    # a sticky digit below the rounding
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _dec(sign, q, exp)._fix(ctx)

    def _divmod(self, other, ctx, wanted=(DivisionByZero, InvalidOperation)):
        """(integer quotient, remainder), truncating toward zero; `wanted`
        is what a division by zero signals (per result asked for)."""
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = _nan_result(self, other, ctx)
            if nan is not None:
                return nan, nan
            if self._special == 'F':
                if other._special == 'F':
                    nan = ctx._invalid()
                    return nan, nan
                if InvalidOperation in wanted:
                    ctx._raise([InvalidOperation])
                return _dec(sign, 0, 0, 'F'), _NAN
            return _dec(sign, 0, 0), self._fix(ctx)
        if other._coef == 0:
            if self._coef == 0:
                nan = ctx._invalid(DivisionUndefined)
                return nan, nan
            ctx._raise(sorted(wanted, key=_SIGNALS.index))
            return _dec(sign, 0, 0, 'F'), _NAN
        exp = min(self._exp, other._exp)
        if self._coef and self.adjusted() - other.adjusted() > ctx.prec:
            nan = ctx._invalid(DivisionImpossible)
            return nan, nan
        if self._coef == 0 or self.adjusted() < other.adjusted() - 1:
            r = _dec(self._sign, self._coef * 10 ** (self._exp - exp), exp)
            return _dec(sign, 0, 0), r._fix(ctx)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if _ndigits(q) > ctx.prec:
            nan = ctx._invalid(DivisionImpossible)
            return nan, nan
        return _dec(sign, q, 0), _dec(self._sign, r, exp)._fix(ctx)

    def _binary(self, other, op, method, reflected=False):
        if isinstance(other, (float, complex)):
            raise (_unsupported(op, other, self) if reflected else _unsupported(op, self, other))
        converted = _convert(other)
        if converted is NotImplemented:
            # Raised here only when `other` has no reflected method to try,
            # so the message names the type as CPython's does.
            if not reflected and op in _REFLECTED and not hasattr(type(other), _REFLECTED[op]):
                raise _unsupported(op, self, other)
            return converted
        other = converted
        a, b = (other, self) if reflected else (self, other)
        return method(a, b, getcontext())

    def __add__(self, other):
        return self._binary(other, '+', Decimal._add)

    def __radd__(self, other):
        return self._binary(other, '+', Decimal._add, True)

    def __sub__(self, other):
        return self._binary(other, '-', lambda a, b, c: a._add(b.copy_negate(), c))

    def __rsub__(self, other):
        return self._binary(other, '-', lambda a, b, c: a._add(b.copy_negate(), c), True)

    def __mul__(self, other):
        return self._binary(other, '*', Decimal._mul)

    def __rmul__(self, other):
        return self._binary(other, '*', Decimal._mul, True)

    def __truediv__(self, other):
        return self._binary(other, '/', Decimal._div)

    def __rtruediv__(self, other):
        return self._binary(other, '/', Decimal._div, True)

    def __floordiv__(self, other):
        return self._binary(other, '//', lambda a, b, c: a._divmod(b, c, (DivisionByZero,))[0])

    def __rfloordiv__(self, other):
        return self._binary(other, '//', lambda a, b, c: a._divmod(b, c, (DivisionByZero,))[0], True)

    def __mod__(self, other):
        return self._binary(other, '%', lambda a, b, c: a._divmod(b, c, (InvalidOperation,))[1])

    def __rmod__(self, other):
        return self._binary(other, '%', lambda a, b, c: a._divmod(b, c, (InvalidOperation,))[1], True)

    def __divmod__(self, other):
        return self._binary(other, 'divmod()', Decimal._divmod)

    def __rdivmod__(self, other):
        return self._binary(other, 'divmod()', Decimal._divmod, True)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return self._powmod(_convert(other, True), _convert(modulo, True), _context(context))
        if context is None:
            return self._binary(other, '** or pow()', _power)
        return _power(self, _convert(other, True), _context(context))

    def __rpow__(self, other, modulo=None):
        return self._binary(other, '** or pow()', _power, True)

    def _powmod(self, exponent, modulo, ctx):
        for x in (self, exponent, modulo):
            if x._special or x._exp < 0 and x._coef % 10 ** -x._exp:
                return ctx._invalid()
        e, m = int(exponent), int(modulo)
        if e < 0 or m == 0 or (e == 0 and int(self) == 0) or _ndigits(abs(m)) > ctx.prec:
            return ctx._invalid()
        r = pow(abs(int(self)), e, abs(m))
        return _dec(self._sign if e & 1 else 0, r, 0)

    def remainder_near(self, other, context=None):
        """self - other * n with n the integer nearest self/other (ties
        to even)."""
        ctx = _context(context)
        other = _convert(other, True)
        q, r = self._divmod(other, ctx, (InvalidOperation,))
        if q.is_nan() or r.is_zero():
            return r
        twice = abs(r._add(r, ctx))._compare_value(abs(other))
        if twice > 0 or (twice == 0 and q._coef & 1):
            r = r._add(other.copy_negate() if r._sign == other._sign else other, ctx)
        return r

    def __neg__(self, context=None):
        ctx = _context(context)
        if self.is_nan():
            return _nan_result(self, None, ctx)
        sign = 1 - self._sign
        if self.is_zero():
            sign = int(ctx.rounding == ROUND_FLOOR)
        return _dec(sign, self._coef, self._exp, self._special)._fix(ctx)

    def __pos__(self, context=None):
        ctx = _context(context)
        if self.is_nan():
            return _nan_result(self, None, ctx)
        sign = self._sign
        if self.is_zero():
            sign = int(ctx.rounding == ROUND_FLOOR)
        return _dec(sign, self._coef, self._exp, self._special)._fix(ctx)

    def __abs__(self, round=True, context=None):
        ctx = _context(context)
        if self.is_nan():
            return _nan_result(self, None, ctx)
        d = self.copy_abs()
        return d._fix(ctx) if round else d

    def fma(self, other, third, context=None):
        """self * other + third with one rounding."""
        ctx = _context(context)
        other, third = _convert(other, True), _convert(third, True)
        exact = Context(prec=MAX_PREC, rounding=ctx.rounding, Emin=MIN_EMIN, Emax=MAX_EMAX)
        exact.traps = ctx.traps
        exact.flags = ctx.flags
        return self._mul(other, exact)._add(third, ctx)

    def sqrt(self, context=None):
        """The square root, correctly rounded (half even)."""
        ctx = _context(context)
        if self._special:
            nan = _nan_result(self, None, ctx)
            if nan is not None:
                return nan
            return ctx._invalid() if self._sign else self
        ideal = self._exp // 2
        if self._coef == 0:
            return _dec(self._sign, 0, ideal)._fix(ctx)
        if self._sign:
            return ctx._invalid()
        coef, exp = self._coef, self._exp
        if exp & 1:
            coef, exp = coef * 10, exp - 1
        # At least prec + 1 digits of root, so the last one guards the rounding.
        k = max(0, ctx.prec + 1 - (_ndigits(coef) + 1) // 2)
        coef, exp = coef * 10 ** (2 * k), exp - 2 * k
        root = math.isqrt(coef)
        exp //= 2
        if root * root == coef:
            while exp < ideal and root % 10 == 0:
                root //= 10
                exp += 1
        elif root % 5 == 0:
            root += 1
        half_even = ctx.copy()
        half_even.rounding = ROUND_HALF_EVEN
        half_even.flags = ctx.flags
        return _dec(0, root, exp)._fix(half_even)

    def quantize(self, exp, rounding=None, context=None):
        """This number with the exponent of `exp`, rounded by `rounding`
        (or the context's)."""
        ctx = _context(context)
        exp = _convert(exp, True)
        rounding = rounding or ctx.rounding
        if self._special or exp._special:
            nan = _nan_result(self, exp, ctx)
            if nan is not None:
                return nan
            if self._special == exp._special == 'F':
                return self
            return ctx._invalid()
        target = exp._exp
        if not ctx.Etiny() <= target <= ctx.Emax:
            return ctx._invalid()
        if self._coef == 0:
            return _dec(self._sign, 0, target)._fix(ctx)
        if self.adjusted() - target + 1 > ctx.prec:
            return ctx._invalid()
        d, rounded, inexact = self._rescale(target, rounding)
        if d._coef and (_ndigits(d._coef) > ctx.prec or d.adjusted() > ctx.Emax):
            return ctx._invalid()
        conds = []
        if d._coef and d.adjusted() < ctx.Emin:
            conds.append(Subnormal)
        if rounded:
            conds.append(Rounded)
        if inexact:
            conds.append(Inexact)
        ctx._raise(conds)
        return d

    def _to_integral(self, rounding, context, exact):
        ctx = _context(context)
        if self._special:
            nan = _nan_result(self, None, ctx)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        d, rounded, inexact = self._rescale(0, rounding or ctx.rounding)
        if exact:
            ctx._raise([Rounded, Inexact] if inexact else [Rounded])
        return d

    def to_integral_value(self, rounding=None, context=None):
        """Rounded to an integer, no flags raised."""
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Rounded to an integer, raising Inexact and Rounded."""
        return self._to_integral(rounding, context, True)

    def normalize(self, context=None):
        """Rounded to the context, trailing zeros stripped."""
        ctx = _context(context)
        if self._special:
            nan = _nan_result(self, None, ctx)
            return nan if nan is not None else self
        d = self._fix(ctx)
        if d._special:
            return d
        if d._coef == 0:
            return _dec(d._sign, 0, 0)
        coef, exp = d._coef, d._exp
        top = ctx.Etop() if ctx.clamp else ctx.Emax
        while coef % 10 == 0 and exp < top:
            coef //= 10
            exp += 1
        return _dec(d._sign, coef, exp)

    def scaleb(self, other, context=None):
        ctx = _context(context)
        other = _convert(other, True)
        nan = _nan_result(self, other, ctx)
        if nan is not None:
            return nan
        if other._special or other._exp != 0:
            return ctx._invalid()
        if self._special:
            return self
        n = int(other)
        return _dec(self._sign, self._coef, self._exp + n)._fix(ctx)

    def logb(self, context=None):
        ctx = _context(context)
        nan = _nan_result(self, None, ctx)
        if nan is not None:
            return nan
        if self._special == 'F':
            return _dec(0, 0, 0, 'F')
        if self._coef == 0:
            ctx._raise([DivisionByZero])
            return _dec(1, 0, 0, 'F')
        return Decimal(self.adjusted())._fix(ctx)

    def next_plus(self, context=None):
        return self._next(_context(context), 0)

    def next_minus(self, context=None):
        return self._next(_context(context), 1)

    def next_toward(self, other, context=None):
        ctx = _context(context)
        other = _convert(other, True)
        nan = _nan_result(self, other, ctx)
        if nan is not None:
            return nan
        c = self._compare_value(other)
        if c == 0:
            return self.copy_sign(other)
        return self._next(ctx, 0 if c < 0 else 1)

    def _next(self, ctx, toward_negative):
        nan = _nan_result(self, None, ctx)
        if nan is not None:
            return nan
        if self._special == 'F':
            if self._sign == toward_negative:
                return self
            return _dec(self._sign, 10 ** ctx.prec - 1, ctx.Etop())
        c = ctx.copy()
        c.rounding = ROUND_FLOOR if toward_negative else ROUND_CEILING
        c.traps = _signal_dict([], 'traps')
        step = _dec(toward_negative, 1, ctx.Etiny() - 1)
        return self._add(step, c)

    def exp(self, context=None):
        from _decimal_math import exp_of
        return _transcendental(self, _context(context), exp_of)

    def ln(self, context=None):
        from _decimal_math import ln_of
        return _transcendental(self, _context(context), ln_of)

    def log10(self, context=None):
        from _decimal_math import log10_of
        return _transcendental(self, _context(context), log10_of)

    def __format__(self, spec, _localeconv=None):
        from _decimal_format import format_decimal
        return format_decimal(self, spec, getcontext())


class _RationalOperand:
    """A Fraction (or other Rational) on the right of a comparison."""

    def __init__(self, q):
        self.q = q

    def is_nan(self):
        return False

    def compare_with(self, d):
        """The sign of self - d for a non-NaN Decimal d."""
        if d._special == 'F':
            return 1 if d._sign else -1
        num, den = d.as_integer_ratio()
        lhs = self.q.numerator * den
        rhs = num * self.q.denominator
        return (lhs > rhs) - (lhs < rhs)


def _total_cmp(a, b):
    """-1, 0 or 1 in the total order: -NaN < -sNaN < -Infinity < ... <
    Infinity < sNaN < NaN, equal values ordered by exponent."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    rank = {'': 0, 'F': 1, 'N': 2, 'n': 3}
    ra, rb = rank[a._special], rank[b._special]
    if ra != rb:
        c = (ra > rb) - (ra < rb)
    elif ra == 0:
        c = a.copy_abs()._compare_value(b.copy_abs()) or (a._exp > b._exp) - (a._exp < b._exp)
    elif ra == 1:
        c = 0
    else:
        c = (a._coef > b._coef) - (a._coef < b._coef)
    return -c if a._sign else c


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = value
    if sign not in (0, 1) or not isinstance(sign, int):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if exp in ('F', 'n', 'N'):
        special = exp
        exp = 0
    elif isinstance(exp, int):
        special = ''
    else:
        raise ValueError("string argument in the third position must be 'F', 'n' or 'N'"
                         if isinstance(exp, str) else 'exponent must be an integer')
    coef = 0
    for digit in digits:
        if not isinstance(digit, int) or not 0 <= digit <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        coef = coef * 10 + digit
    if special == 'F':
        coef = 0
    return sign, coef, exp, special


def _overflow_result(sign, ctx):
    """Infinity, or the largest finite number when the rounding is toward
    zero for this sign."""
    toward_zero = (ctx.rounding in (ROUND_DOWN, ROUND_05UP)
                   or (ctx.rounding == ROUND_FLOOR and sign == 0)
                   or (ctx.rounding == ROUND_CEILING and sign == 1))
    if toward_zero:
        return _dec(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
    return _dec(sign, 0, 0, 'F')


def _power(base, exponent, ctx):
    from _decimal_math import power
    return power(base, exponent, ctx)


def _transcendental(x, ctx, function):
    nan = _nan_result(x, None, ctx)
    if nan is not None:
        return nan
    return function(x, ctx)


_REFLECTED = {'+': '__radd__', '-': '__rsub__', '*': '__rmul__', '/': '__rtruediv__',
              '//': '__rfloordiv__', '%': '__rmod__', 'divmod()': '__rdivmod__',
              '** or pow()': '__rpow__'}
_INVERSE_10 = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)
_NAN = _dec(0, 0, 0, 'n')

numbers.Number.register(Decimal)
