"""decimal's contexts and signals: the rounding modes and limits, the
signal classes and their conditions, Context with its flags and traps,
the current context (a context variable) and the template contexts.
decimal imports all of it; the classes say they are decimal's.
"""

from _tulip import c_type as _c_type
import contextvars
import sys
from collections import namedtuple


def _number():
    """The decimal module, for the Context methods that make Decimals."""
    return sys.modules['decimal']


ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True



# -- signals and conditions --------------------------------------------------

class DecimalException(ArithmeticError):
    """Base of the signals."""


class Clamped(DecimalException):
    """An exponent was changed to fit the representation."""


class InvalidOperation(DecimalException):
    """An operation without a meaningful result; the result is NaN."""


class ConversionSyntax(InvalidOperation):
    """A string that is not a number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number divided by zero."""


class DivisionImpossible(InvalidOperation):
    """An integer division whose quotient needs more than prec digits."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero divided by zero."""


class Inexact(DecimalException):
    """Rounding discarded non-zero digits."""


class InvalidContext(InvalidOperation):
    """The context is not valid."""


class Rounded(DecimalException):
    """Rounding discarded digits, zero or not."""


class Subnormal(DecimalException):
    """The exponent of the result is below Emin."""


class Overflow(Inexact, Rounded):
    """The adjusted exponent of the result is above Emax."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was rounded."""


class FloatOperation(DecimalException, TypeError):
    """A float was mixed into a Decimal construction or comparison."""


# The signals, in the order Context's repr lists them.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)

# Conditions that are reported under another signal.
_CONDITION_SIGNAL = {
    ConversionSyntax: InvalidOperation,
    DivisionImpossible: InvalidOperation,
    DivisionUndefined: InvalidOperation,
    InvalidContext: InvalidOperation,
}

DecimalTuple = namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# -- the current context -----------------------------------------------------

def getcontext():
    """The current context (per thread and per asyncio task, as a context
    variable, like CPython's)."""
    try:
        return _current.get()
    except LookupError:
        context = DefaultContext.copy()
        _current.set(context)
        return context


def setcontext(context):
    """Makes a copy of `context` the current one (DefaultContext and the
    other templates are copied, other contexts are used as they are)."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current.set(context)


_current = contextvars.ContextVar('decimal_context')


class _LocalContext:
    def __init__(self, context):
        self._context = context

    def __enter__(self):
        self._saved = getcontext()
        setcontext(self._context)
        return self._context

    def __exit__(self, *exc):
        setcontext(self._saved)


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of `ctx` (or of the current
    context) current inside a with-statement, with `kwargs` applied."""
    if ctx is None:
        ctx = getcontext()
    copied = ctx.copy()
    for name, value in kwargs.items():
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals',
                        'clamp', 'flags', 'traps'):
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        setattr(copied, name, value)
    return _LocalContext(copied)


# -- contexts ----------------------------------------------------------------

_BAD_SIGNAL = ('valid values for signals are:\n'
               '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
               '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
               '   Clamped]')

# The conditions in the order of libmpdec's status bits, which is the
# order Context's repr lists flags and traps in.
_BIT_ORDER = (Clamped, ConversionSyntax, DivisionByZero, DivisionImpossible,
              DivisionUndefined, Inexact, InvalidContext, InvalidOperation,
              FloatOperation, Overflow, Rounded, Subnormal, Underflow)


class _SignalDict(dict):
    """flags/traps: a mapping from each signal to a bool."""

    def __setitem__(self, key, value):
        if key not in _SIGNALS:
            raise KeyError(_BAD_SIGNAL)
        dict.__setitem__(self, key, bool(value))

    def __getitem__(self, key):
        if key not in _SIGNALS:
            raise KeyError(_BAD_SIGNAL)
        return dict.__getitem__(self, key)

    def copy(self):
        return _SignalDict(self)


def _signal_dict(value, name):
    d = _SignalDict((s, False) for s in _SIGNALS)
    if value is None:
        return d
    if isinstance(value, dict):
        for k, v in value.items():
            d[k] = v
        return d
    for s in value:
        if s not in _SIGNALS:
            raise TypeError(f'invalid signal dict' if name else 'invalid signal')
        d[s] = True
    return d


def _check_int(value, low, high, message):
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    if not low <= value <= high:
        raise ValueError(message)
    return value


class Context:
    """Precision, rounding and exponent limits for arithmetic, and the flags
    and traps of the signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        # Unset fields come from DefaultContext (None while it is being made).
        base = DefaultContext
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else (base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        if traps is None and base is not None:
            self.traps = base.traps.copy()
        else:
            self.traps = _signal_dict(traps, 'traps')
        self.flags = _signal_dict(flags, 'flags')
        self._conditions = set()

    def __setattr__(self, name, value):
        if name == 'prec':
            _check_int(value, 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            _check_int(value, MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            _check_int(value, 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            _check_int(value, 0, 1, 'valid values for capitals are 0 or 1')
        elif name == 'clamp':
            _check_int(value, 0, 1, 'valid values for clamp are 0 or 1')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\n'
                                '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                                '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                                '   ROUND_05UP]')
        elif name in ('flags', 'traps'):
            if not isinstance(value, _SignalDict):
                value = _signal_dict(value, name)
        elif not name.startswith('_'):
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def _listed(self, signals, conditions):
        """The names of the signals set in `signals`, each placed by the
        first bit of the conditions that set it."""
        place = {}
        for i, cond in enumerate(_BIT_ORDER):
            sig = _CONDITION_SIGNAL.get(cond, cond)
            if signals[sig] and sig not in place and (cond in conditions or sig is InvalidOperation and not conditions):
                place[sig] = i
        for sig in _SIGNALS:
            if signals[sig] and sig not in place:
                place[sig] = _BIT_ORDER.index(sig)
        return ', '.join(s.__name__ for s in sorted(place, key=place.get))

    def __repr__(self):
        # A trap covers all of its signal's conditions (ConversionSyntax
        # first for InvalidOperation); a flag only those that happened.
        flags = self._listed(self.flags, self._conditions)
        traps = self._listed(self.traps, ())
        return (f'Context(prec={self.prec}, rounding={self.rounding}, '
                f'Emin={self.Emin}, Emax={self.Emax}, capitals={self.capitals}, '
                f'clamp={self.clamp}, flags=[{flags}], traps=[{traps}])')

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self.flags[s]]
        traps = [s for s in _SIGNALS if self.traps[s]]
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax,
                                 self.capitals, self.clamp, flags, traps))

    def copy(self):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax,
                    self.capitals, self.clamp)
        c.flags = self.flags.copy()
        c.traps = self.traps.copy()
        c._conditions = set(self._conditions)
        return c

    __copy__ = copy

    def clear_flags(self):
        self._conditions.clear()
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise(self, conditions):
        """Sets the flag of each condition's signal, then raises the
        trapped ones (the first trapped signal's class, all trapped
        conditions listed)."""
        trapped = []
        first = None
        for cond in conditions:
            sig = _CONDITION_SIGNAL.get(cond, cond)
            self.flags[sig] = True
            self._conditions.add(cond)
            if self.traps[sig]:
                trapped.append(cond)
                if first is None:
                    first = sig
        if first is not None:
            raise first(trapped)

    def _invalid(self, cond=InvalidOperation):
        """The NaN result of an invalid operation, after signalling it."""
        self._raise([cond])
        return _number()._NAN

    def create_decimal(self, num='0'):
        """`num` as a Decimal rounded to this context."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return self._invalid(ConversionSyntax)
        d = _number().Decimal(num, self)
        if d._special == 'n' or d._special == 'N':
            if d._coef and _number()._ndigits(d._coef) > self.prec - self.clamp:
                return self._invalid(ConversionSyntax)
            return d
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return _number().Decimal.from_float(f)._fix(self)

    # Arithmetic of two operands: each converts ints and rounds here.
    def _operands(self, a, b=None):
        convert = _number()._convert
        a = convert(a, True)
        if b is None:
            return a
        return a, convert(b, True)

    def abs(self, a):
        return self._operands(a).__abs__(context=self)

    def add(self, a, b):
        a, b = self._operands(a, b)
        return a._add(b, self)

    def subtract(self, a, b):
        a, b = self._operands(a, b)
        return a._add(b.copy_negate(), self)

    def multiply(self, a, b):
        a, b = self._operands(a, b)
        return a._mul(b, self)

    def divide(self, a, b):
        a, b = self._operands(a, b)
        return a._div(b, self)

    def divide_int(self, a, b):
        a, b = self._operands(a, b)
        return a._divmod(b, self, (DivisionByZero,))[0]

    def remainder(self, a, b):
        a, b = self._operands(a, b)
        return a._divmod(b, self, (InvalidOperation,))[1]

    def divmod(self, a, b):
        a, b = self._operands(a, b)
        return a._divmod(b, self)

    def power(self, a, b, modulo=None):
        a, b = self._operands(a, b)
        return a.__pow__(b, modulo, context=self)

    def plus(self, a):
        return self._operands(a).__pos__(context=self)

    def minus(self, a):
        return self._operands(a).__neg__(context=self)

    def sqrt(self, a):
        return self._operands(a).sqrt(self)

    def quantize(self, a, b):
        a, b = self._operands(a, b)
        return a.quantize(b, context=self)

    def compare(self, a, b):
        a, b = self._operands(a, b)
        return a.compare(b, self)

    def max(self, a, b):
        a, b = self._operands(a, b)
        return a.max(b, self)

    def min(self, a, b):
        a, b = self._operands(a, b)
        return a.min(b, self)

    def fma(self, a, b, c):
        return self._operands(a).fma(b, c, self)

    def normalize(self, a):
        return self._operands(a).normalize(self)

    def to_integral_value(self, a):
        return self._operands(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return self._operands(a).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return str(self._operands(a))

    def to_eng_string(self, a):
        return self._operands(a).to_eng_string()

    def is_nan(self, a):
        return self._operands(a).is_nan()

    def is_zero(self, a):
        return self._operands(a).is_zero()

    def is_signed(self, a):
        return self._operands(a).is_signed()

    def is_finite(self, a):
        return self._operands(a).is_finite()

    def is_infinite(self, a):
        return self._operands(a).is_infinite()

    def copy_abs(self, a):
        return self._operands(a).copy_abs()

    def copy_negate(self, a):
        return self._operands(a).copy_negate()

    def copy_decimal(self, a):
        return self._operands(a)

    def radix(self):
        return _number().Decimal(10)

_c_type(Context, 'decimal.Context')


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999,
                         Emax=999999, capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, flags=[],
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, flags=[], traps=[])


# The classes are decimal's, as CPython's reprs and pickles name them.
for _cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
             Subnormal, Overflow, Underflow, FloatOperation, Context):
    _cls.__module__ = 'decimal'
del _cls
