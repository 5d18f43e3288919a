"""Rational numbers: Fraction(numerator, denominator), kept in lowest terms
with a positive denominator. Arithmetic with ints and Fractions is exact;
mixing in a float or complex gives a float or complex.
"""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

# Hashes agree with int and float: hash(Fraction(n, d)) is n/d reduced
# modulo the prime sys.hash_info.modulus.
_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159


def _parse(text):
    """(numerator, denominator) of a literal such as '3/4', '-1.25e2',
    '1_000', or None when `text` is not one."""
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]

    def digits(part, allow_empty=False):
        if part == '':
            return 0 if allow_empty else None
        pieces = part.split('_')
        if not all(p.isdigit() and p.isascii() for p in pieces):
            return None
        return int(part.replace('_', '')) if part else 0

    if '/' in s:
        top, _, bottom = s.partition('/')
        n, d = digits(top), digits(bottom)
        if n is None or d is None:
            return None
        return sign * n, d
    lower = s.lower()
    exponent = 0
    if 'e' in lower:
        lower, _, exp_text = lower.partition('e')
        exp_sign = 1
        if exp_text[:1] in ('+', '-'):
            exp_sign = -1 if exp_text[0] == '-' else 1
            exp_text = exp_text[1:]
        e = digits(exp_text)
        if e is None:
            return None
        exponent = exp_sign * e
    whole, dot, frac = lower.partition('.')
    if not whole and not frac:
        return None
    if not whole and dot and frac.startswith('_'):
        return None
    w = digits(whole, allow_empty=bool(dot))
    f = digits(frac, allow_empty=True)
    if w is None or f is None:
        return None
    numerator = w * 10 ** len(frac.replace('_', '')) + f
    denominator = 10 ** len(frac.replace('_', ''))
    if exponent >= 0:
        numerator *= 10 ** exponent
    else:
        denominator *= 10 ** -exponent
    return sign * numerator, denominator


class Fraction(numbers.Rational):
    """A rational number, from two Rationals (numerator, denominator), one
    Rational, a float, or a string like '3/7' or '-1.5e-3'."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or (
                    not isinstance(numerator, type) and type(numerator).__name__ == 'Decimal'):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, numbers.Rational) and isinstance(denominator, numbers.Rational):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._exact(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if type(dec).__name__ != 'Decimal':
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)" %
                            (cls.__name__, dec, type(dec).__name__))
        return cls._exact(*dec.as_integer_ratio())

    @classmethod
    def _exact(cls, n, d):
        """A Fraction from a pair already in lowest terms."""
        self = super(Fraction, cls).__new__(cls)
        self._numerator = n
        self._denominator = d
        return self

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self whose denominator is at most
        max_denominator (found by walking the continued fraction)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Convergents p/q of the continued fraction, kept as two pairs.
        p_prev, q_prev, p, q = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q_next = q_prev + a * q
            if q_next > max_denominator:
                break
            p_prev, q_prev, p, q = p, q, p_prev + a * p, q_next
            n, d = d, n - a * d
        # The best lower-denominator candidate is a semiconvergent.
        k = (max_denominator - q_prev) // q
        semi = Fraction(p_prev + k * p, q_prev + k * q)
        conv = Fraction(p, q)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Arithmetic: each operator has an exact rule for two rationals, and
    # falls back to float or complex arithmetic for those types.

    def _binary(exact, fallback):
        def forward(a, b):
            if isinstance(b, Fraction) or type(b) is int or isinstance(b, numbers.Integral):
                return exact(a, b if isinstance(b, Fraction) else Fraction(int(b)))
            if isinstance(b, float):
                return fallback(float(a), b)
            if isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        forward.__name__ = '__' + fallback.__name__ + '__'
        reverse.__name__ = '__r' + fallback.__name__ + '__'
        return forward, reverse

    def _add(a, b):
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _sub(a, b):
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _mul(a, b):
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    def _div(a, b):
        if b._numerator == 0:
            # The message shows the numerator as CPython's reduced form has it.
            na = a._numerator
            shown = 0 if na == 0 else (1 if na > 0 else -1) * b._denominator
            raise ZeroDivisionError('Fraction(%s, 0)' % shown)
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        div, rem = divmod(a._numerator * b._denominator, a._denominator * b._numerator)
        return div, Fraction(rem, a._denominator * b._denominator)

    def _mod(a, b):
        rem = (a._numerator * b._denominator) % (b._numerator * a._denominator)
        return Fraction(rem, a._denominator * b._denominator)

    __add__, __radd__ = _binary(_add, operator.add)
    __sub__, __rsub__ = _binary(_sub, operator.sub)
    __mul__, __rmul__ = _binary(_mul, operator.mul)
    __truediv__, __rtruediv__ = _binary(_div, operator.truediv)
    __floordiv__, __rfloordiv__ = _binary(_floordiv, operator.floordiv)
    __divmod__, __rdivmod__ = _binary(_divmod, divmod)
    __mod__, __rmod__ = _binary(_mod, operator.mod)
    del _binary

    def __pow__(a, b):
        if isinstance(b, numbers.Rational):
            if b.denominator != 1:
                return float(a) ** float(b)
            power = b.numerator
            if power >= 0:
                return Fraction._exact(a._numerator ** power, a._denominator ** power)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
            if a._numerator > 0:
                return Fraction._exact(a._denominator ** -power, a._numerator ** -power)
            return Fraction._exact((-a._denominator) ** -power, (-a._numerator) ** -power)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._exact(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._exact(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._exact(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, rest = divmod(self._numerator, self._denominator)
            if rest * 2 < self._denominator:
                return floor
            if rest * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * inverse)
        h = h if self._numerator >= 0 else -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._compare(b, operator.lt)

    def __gt__(a, b):
        return a._compare(b, operator.gt)

    def __le__(a, b):
        return a._compare(b, operator.le)

    def __ge__(a, b):
        return a._compare(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
