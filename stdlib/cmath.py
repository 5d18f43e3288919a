"""Mathematical functions of complex numbers.

Finite arguments use formulas that stay accurate near the branch cuts and
away from overflow (Kahan's square-root forms for the inverse functions).
Infinite and NaN parts follow C99 Annex G, as CPython's cmath does: where
Annex G signals invalid, a ValueError 'math domain error'; where a finite
argument overflows, an OverflowError 'math range error'.
"""

import math

__all__ = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh',
           'exp', 'isclose', 'isfinite', 'isinf', 'isnan', 'log', 'log10',
           'phase', 'polar', 'rect', 'sin', 'sinh', 'sqrt', 'tan', 'tanh',
           'pi', 'e', 'tau', 'inf', 'infj', 'nan', 'nanj']

pi = math.pi
e = math.e
tau = math.tau
inf = math.inf
nan = math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046
# Beyond this |z|, squaring would overflow: the inverse functions switch
# to their asymptotic forms.
_LARGE = 1.7976931348623157e+308 / 4
_SQRT_LARGE = math.sqrt(_LARGE)
_LOG_LARGE = math.log(_LARGE)
_isinf = math.isinf
_isnan = math.isnan
_copysign = math.copysign


def _domain():
    return ValueError('math domain error')


def _range():
    return OverflowError('math range error')


def _complex(z):
    """The argument as a complex, with CPython's TypeError."""
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(z)
    conv = getattr(type(z), '__complex__', None)
    if conv is not None:
        r = conv(z)
        if not isinstance(r, complex):
            raise TypeError(f'__complex__ returned non-complex (type {type(r).__name__})')
        return r
    conv = getattr(type(z), '__float__', None) or getattr(type(z), '__index__', None)
    if conv is not None:
        return complex(float(z))
    raise TypeError(f'must be real number, not {type(z).__name__}')


def _finite(z):
    return math.isfinite(z.real) and math.isfinite(z.imag)


def _check(result, z):
    """OverflowError when finite input gave an infinite result."""
    if _finite(z) and not _finite(result) and not (_isnan(result.real) or _isnan(result.imag)):
        raise _range()
    return result


def isfinite(z):
    z = _complex(z)
    return _finite(z)


def isinf(z):
    z = _complex(z)
    return _isinf(z.real) or _isinf(z.imag)


def isnan(z):
    z = _complex(z)
    return _isnan(z.real) or _isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a, b = _complex(a), _complex(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol


def phase(z):
    z = _complex(z)
    phi = math.atan2(z.imag, z.real)
    if phi == 0.0 and z.imag != 0.0 and not _isinf(z.real):
        # atan2 underflowed: CPython reports the C library's ERANGE.
        raise _range()
    return phi


def polar(z):
    z = _complex(z)
    r = _abs(z)
    return r, math.atan2(z.imag, z.real)


def _abs(z):
    x, y = z.real, z.imag
    if _isinf(x) or _isinf(y):
        return inf
    if _isnan(x) or _isnan(y):
        return nan
    r = math.hypot(x, y)
    if _isinf(r):
        raise _range()
    return r


def rect(r, phi):
    r, phi = float(r), float(phi)
    if not math.isfinite(r) or not math.isfinite(phi):
        if _isinf(r) and math.isfinite(phi) and phi != 0.0:
            # An infinite modulus in the direction phi.
            re, im = _copysign(inf, math.cos(phi)), _copysign(inf, math.sin(phi))
            return complex(re, im) if r > 0 else complex(-re, -im)
        if _isinf(phi) and (math.isfinite(r) and r != 0.0 or _isinf(r)):
            raise _domain()
        if r == 0.0:
            return complex(0.0, 0.0)
        if _isnan(phi) or _isnan(r) and phi != 0.0:
            return complex(inf if _isinf(r) else nan, nan)
    if phi == 0.0:
        # r * 0.0, except that an infinite or NaN r keeps a zero part
        return complex(r, r * phi if math.isfinite(r) else (phi if r > 0 or _isnan(r) else -phi) if not _isnan(r) else 0.0)
    return complex(r * math.cos(phi), r * math.sin(phi))


# -- special values ---------------------------------------------------------

_P2 = pi / 2
_P4 = pi / 4
_P34 = 3 * pi / 4
_DOMAIN = 'domain'


def _class(v):
    """A letter for a float's class: N -inf, n negative, z -0.0, Z 0.0,
    p positive, P inf, Q nan."""
    if _isnan(v):
        return 'Q'
    if _isinf(v):
        return 'P' if v > 0 else 'N'
    if v == 0.0:
        return 'z' if _copysign(1.0, v) < 0 else 'Z'
    return 'p' if v > 0 else 'n'


# The results where a part is infinite or NaN (C99 Annex G, as CPython
# gives them), by the classes of the real and imaginary parts.
_SPECIAL = {
    'acos': {'NN': (_P34, inf), 'Nn': (pi, inf), 'Nz': (pi, inf), 'NZ': (pi, -inf),
        'Np': (pi, -inf), 'NP': (_P34, -inf), 'NQ': (nan, inf), 'nN': (_P2, inf),
        'nP': (_P2, -inf), 'nQ': (nan, nan), 'zN': (_P2, inf), 'zP': (_P2, -inf),
        'zQ': (_P2, nan), 'ZN': (_P2, inf), 'ZP': (_P2, -inf), 'ZQ': (_P2, nan),
        'pN': (_P2, inf), 'pP': (_P2, -inf), 'pQ': (nan, nan), 'PN': (_P4, inf),
        'Pn': (0.0, inf), 'Pz': (0.0, inf), 'PZ': (0.0, -inf), 'Pp': (0.0, -inf),
        'PP': (_P4, -inf), 'PQ': (nan, inf), 'QN': (nan, inf), 'Qn': (nan, nan),
        'Qz': (nan, nan), 'QZ': (nan, nan), 'Qp': (nan, nan), 'QP': (nan, -inf),
        'QQ': (nan, nan)},
    'acosh': {'NN': (inf, -_P34), 'Nn': (inf, -pi), 'Nz': (inf, -pi), 'NZ': (inf, pi),
        'Np': (inf, pi), 'NP': (inf, _P34), 'NQ': (inf, nan), 'nN': (inf, -_P2),
        'nP': (inf, _P2), 'nQ': (nan, nan), 'zN': (inf, -_P2), 'zP': (inf, _P2),
        'zQ': (nan, nan), 'ZN': (inf, -_P2), 'ZP': (inf, _P2), 'ZQ': (nan, nan),
        'pN': (inf, -_P2), 'pP': (inf, _P2), 'pQ': (nan, nan), 'PN': (inf, -_P4),
        'Pn': (inf, -0.0), 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'Pp': (inf, 0.0),
        'PP': (inf, _P4), 'PQ': (inf, nan), 'QN': (inf, nan), 'Qn': (nan, nan),
        'Qz': (nan, nan), 'QZ': (nan, nan), 'Qp': (nan, nan), 'QP': (inf, nan),
        'QQ': (nan, nan)},
    'asinh': {'NN': (-inf, -_P4), 'Nn': (-inf, -0.0), 'Nz': (-inf, -0.0),
        'NZ': (-inf, 0.0), 'Np': (-inf, 0.0), 'NP': (-inf, _P4), 'NQ': (-inf, nan),
        'nN': (-inf, -_P2), 'nP': (-inf, _P2), 'nQ': (nan, nan), 'zN': (-inf, -_P2),
        'zP': (-inf, _P2), 'zQ': (nan, nan), 'ZN': (inf, -_P2), 'ZP': (inf, _P2),
        'ZQ': (nan, nan), 'pN': (inf, -_P2), 'pP': (inf, _P2), 'pQ': (nan, nan),
        'PN': (inf, -_P4), 'Pn': (inf, -0.0), 'Pz': (inf, -0.0), 'PZ': (inf, 0.0),
        'Pp': (inf, 0.0), 'PP': (inf, _P4), 'PQ': (inf, nan), 'QN': (inf, nan),
        'Qn': (nan, nan), 'Qz': (nan, -0.0), 'QZ': (nan, 0.0), 'Qp': (nan, nan),
        'QP': (inf, nan), 'QQ': (nan, nan)},
    'atanh': {'NN': (-0.0, -_P2), 'Nn': (-0.0, -_P2), 'Nz': (-0.0, -_P2),
        'NZ': (-0.0, _P2), 'Np': (-0.0, _P2), 'NP': (-0.0, _P2), 'NQ': (-0.0, nan),
        'nN': (-0.0, -_P2), 'nP': (-0.0, _P2), 'nQ': (nan, nan), 'zN': (-0.0, -_P2),
        'zP': (-0.0, _P2), 'zQ': (-0.0, nan), 'ZN': (0.0, -_P2), 'ZP': (0.0, _P2),
        'ZQ': (0.0, nan), 'pN': (0.0, -_P2), 'pP': (0.0, _P2), 'pQ': (nan, nan),
        'PN': (0.0, -_P2), 'Pn': (0.0, -_P2), 'Pz': (0.0, -_P2), 'PZ': (0.0, _P2),
        'Pp': (0.0, _P2), 'PP': (0.0, _P2), 'PQ': (0.0, nan), 'QN': (0.0, -_P2),
        'Qn': (nan, nan), 'Qz': (nan, nan), 'QZ': (nan, nan), 'Qp': (nan, nan),
        'QP': (0.0, _P2), 'QQ': (nan, nan)},
    'cosh': {'NN': _DOMAIN, 'Nz': (inf, 0.0), 'NZ': (inf, -0.0), 'NP': _DOMAIN,
        'NQ': (inf, nan), 'nN': _DOMAIN, 'nP': _DOMAIN, 'nQ': (nan, nan),
        'zN': _DOMAIN, 'zP': _DOMAIN, 'zQ': (nan, 0.0), 'ZN': _DOMAIN, 'ZP': _DOMAIN,
        'ZQ': (nan, 0.0), 'pN': _DOMAIN, 'pP': _DOMAIN, 'pQ': (nan, nan),
        'PN': _DOMAIN, 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'PP': _DOMAIN,
        'PQ': (inf, nan), 'QN': (nan, nan), 'Qn': (nan, nan), 'Qz': (nan, 0.0),
        'QZ': (nan, 0.0), 'Qp': (nan, nan), 'QP': (nan, nan), 'QQ': (nan, nan)},
    'exp': {'NN': (0.0, 0.0), 'Nz': (0.0, -0.0), 'NZ': (0.0, 0.0), 'NP': (0.0, 0.0),
        'NQ': (0.0, 0.0), 'nN': _DOMAIN, 'nP': _DOMAIN, 'nQ': (nan, nan),
        'zN': _DOMAIN, 'zP': _DOMAIN, 'zQ': (nan, nan), 'ZN': _DOMAIN, 'ZP': _DOMAIN,
        'ZQ': (nan, nan), 'pN': _DOMAIN, 'pP': _DOMAIN, 'pQ': (nan, nan),
        'PN': _DOMAIN, 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'PP': _DOMAIN,
        'PQ': (inf, nan), 'QN': (nan, nan), 'Qn': (nan, nan), 'Qz': (nan, -0.0),
        'QZ': (nan, 0.0), 'Qp': (nan, nan), 'QP': (nan, nan), 'QQ': (nan, nan)},
    'log': {'NN': (inf, -_P34), 'Nn': (inf, -pi), 'Nz': (inf, -pi), 'NZ': (inf, pi),
        'Np': (inf, pi), 'NP': (inf, _P34), 'NQ': (inf, nan), 'nN': (inf, -_P2),
        'nP': (inf, _P2), 'nQ': (nan, nan), 'zN': (inf, -_P2), 'zP': (inf, _P2),
        'zQ': (nan, nan), 'ZN': (inf, -_P2), 'ZP': (inf, _P2), 'ZQ': (nan, nan),
        'pN': (inf, -_P2), 'pP': (inf, _P2), 'pQ': (nan, nan), 'PN': (inf, -_P4),
        'Pn': (inf, -0.0), 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'Pp': (inf, 0.0),
        'PP': (inf, _P4), 'PQ': (inf, nan), 'QN': (inf, nan), 'Qn': (nan, nan),
        'Qz': (nan, nan), 'QZ': (nan, nan), 'Qp': (nan, nan), 'QP': (inf, nan),
        'QQ': (nan, nan)},
    'sinh': {'NN': _DOMAIN, 'Nz': (-inf, -0.0), 'NZ': (-inf, 0.0), 'NP': _DOMAIN,
        'NQ': (inf, nan), 'nN': _DOMAIN, 'nP': _DOMAIN, 'nQ': (nan, nan),
        'zN': _DOMAIN, 'zP': _DOMAIN, 'zQ': (0.0, nan), 'ZN': _DOMAIN, 'ZP': _DOMAIN,
        'ZQ': (0.0, nan), 'pN': _DOMAIN, 'pP': _DOMAIN, 'pQ': (nan, nan),
        'PN': _DOMAIN, 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'PP': _DOMAIN,
        'PQ': (inf, nan), 'QN': (nan, nan), 'Qn': (nan, nan), 'Qz': (nan, -0.0),
        'QZ': (nan, 0.0), 'Qp': (nan, nan), 'QP': (nan, nan), 'QQ': (nan, nan)},
    'sqrt': {'NN': (inf, -inf), 'Nn': (0.0, -inf), 'Nz': (0.0, -inf), 'NZ': (0.0, inf),
        'Np': (0.0, inf), 'NP': (inf, inf), 'NQ': (nan, inf), 'nN': (inf, -inf),
        'nP': (inf, inf), 'nQ': (nan, nan), 'zN': (inf, -inf), 'zP': (inf, inf),
        'zQ': (nan, nan), 'ZN': (inf, -inf), 'ZP': (inf, inf), 'ZQ': (nan, nan),
        'pN': (inf, -inf), 'pP': (inf, inf), 'pQ': (nan, nan), 'PN': (inf, -inf),
        'Pn': (inf, -0.0), 'Pz': (inf, -0.0), 'PZ': (inf, 0.0), 'Pp': (inf, 0.0),
        'PP': (inf, inf), 'PQ': (inf, nan), 'QN': (inf, -inf), 'Qn': (nan, nan),
        'Qz': (nan, nan), 'QZ': (nan, nan), 'Qp': (nan, nan), 'QP': (inf, inf),
        'QQ': (nan, nan)},
    'tanh': {'NN': (-1.0, 0.0), 'Nz': (-1.0, -0.0), 'NZ': (-1.0, 0.0),
        'NP': (-1.0, 0.0), 'NQ': (-1.0, 0.0), 'nN': _DOMAIN, 'nP': _DOMAIN,
        'nQ': (nan, nan), 'zN': _DOMAIN, 'zP': _DOMAIN, 'zQ': (nan, nan),
        'ZN': _DOMAIN, 'ZP': _DOMAIN, 'ZQ': (nan, nan), 'pN': _DOMAIN, 'pP': _DOMAIN,
        'pQ': (nan, nan), 'PN': (1.0, 0.0), 'Pz': (1.0, -0.0), 'PZ': (1.0, 0.0),
        'PP': (1.0, 0.0), 'PQ': (1.0, 0.0), 'QN': (nan, nan), 'Qn': (nan, nan),
        'Qz': (nan, -0.0), 'QZ': (nan, 0.0), 'Qp': (nan, nan), 'QP': (nan, nan),
        'QQ': (nan, nan)},
}


def _special(name, z):
    """The special-value result of `name` at z, or None when z is finite
    or the result depends on the finite part."""
    if _finite(z):
        return None
    r = _SPECIAL[name].get(_class(z.real) + _class(z.imag))
    if r is _DOMAIN:
        raise _domain()
    return None if r is None else complex(*r)


# -- square root, exponential, logarithm ----------------------------------------

def sqrt(z):
    z = _complex(z)
    s = _special('sqrt', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    ax, ay = abs(x), abs(y)
    if ax > 1e300 or ay > 1e300:
        # Scaled by 1/4 so |z| does not overflow; the root doubles back.
        ax, ay = ax / 4, ay / 4
        s = 2 * math.sqrt((ax + math.hypot(ax, ay)) / 2)
        d = ay / s * 2
    else:
        s = math.sqrt((ax + math.hypot(ax, ay)) / 2)
        d = ay / (2 * s)
    if x >= 0:
        return complex(s, _copysign(d, y))
    return complex(d, _copysign(s, y))


def exp(z):
    z = _complex(z)
    s = _special('exp', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if _isinf(x):
        big = inf if x > 0 else 0.0
        return complex(_copysign(big, math.cos(y)), _copysign(big, math.sin(y)))
    if x > 709.0:
        m = math.exp(x - 1.0)
        r = complex(m * math.cos(y) * e, m * math.sin(y) * e)
    else:
        m = math.exp(x)
        r = complex(m * math.cos(y), m * math.sin(y) if y != 0.0 else y)
    return _check(r, z)


def _log(z):
    s = _special('log', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    ax, ay = abs(x), abs(y)
    if ax == 0.0 and ay == 0.0:
        raise _domain()
    big, small = max(ax, ay), min(ax, ay)
    h = math.hypot(ax, ay)
    if _isinf(h):
        re = math.log(math.hypot(ax / 2, ay / 2)) + _LN2
    elif 0.71 <= h <= 1.73:
        # Near |z| = 1, log1p keeps the digits log(h) would lose.
        re = math.log1p((big - 1) * (big + 1) + small * small) / 2
    else:
        re = math.log(h)
    return complex(re, math.atan2(y, x))


def log(z, base=None):
    z = _log(_complex(z))
    if base is None:
        return z
    b = _log(_complex(base))
    try:
        return z / b
    except ZeroDivisionError:
        raise ValueError('math domain error') from None


def log10(z):
    z = _log(_complex(z))
    return complex(z.real / _LN10, z.imag / _LN10)


# -- hyperbolic and trigonometric ---------------------------------------------

def cosh(z):
    z = _complex(z)
    s = _special('cosh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if _isinf(x):
        return complex(_copysign(inf, math.cos(y)), _copysign(inf, math.sin(y)) * _copysign(1.0, x))
    if abs(x) > 708.0:
        m = math.exp(abs(x) - 1.0) / 2
        r = complex(m * math.cos(y) * e, _copysign(m, x) * math.sin(y) * e)
    else:
        r = complex(math.cosh(x) * math.cos(y), math.sinh(x) * math.sin(y))
    return _check(r, z)


def sinh(z):
    z = _complex(z)
    s = _special('sinh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if _isinf(x):
        return complex(_copysign(inf, math.cos(y)) * _copysign(1.0, x), _copysign(inf, math.sin(y)))
    if abs(x) > 708.0:
        m = math.exp(abs(x) - 1.0) / 2
        r = complex(_copysign(m, x) * math.cos(y) * e, m * math.sin(y) * e)
    else:
        r = complex(math.sinh(x) * math.cos(y), math.cosh(x) * math.sin(y))
    return _check(r, z)


def tanh(z):
    z = _complex(z)
    s = _special('tanh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if _isinf(x):
        return complex(_copysign(1.0, x), _copysign(0.0, 2 * math.sin(y) * math.cos(y)))
    if abs(x) > _LOG_LARGE:
        # cosh(x) would overflow; tanh(x) is +-1 and the imaginary part decays.
        return complex(_copysign(1.0, x), 4 * math.sin(y) * math.cos(y) * math.exp(-2 * abs(x)))
    tx, ty = math.tanh(x), math.tan(y)
    cx = 1 / math.cosh(x)
    txty = tx * ty
    denom = 1 + txty * txty
    return complex(tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx)


def _rotated(f, z):
    """f(iz) rotated back by -i: how sin, tan, asin and atan come from their
    hyperbolic twins."""
    z = _complex(z)
    r = f(complex(-z.imag, z.real))
    return complex(r.imag, -r.real)


def cos(z):
    z = _complex(z)
    return cosh(complex(-z.imag, z.real))


def sin(z):
    return _rotated(sinh, z)


def tan(z):
    return _rotated(tanh, z)


# -- inverse functions ---------------------------------------------------------

def acos(z):
    z = _complex(z)
    s = _special('acos', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if abs(x) > _LARGE or abs(y) > _LARGE:
        re = math.atan2(abs(y), x)
        im = _copysign(_log_hypot(x, y) + _LN2, -y)
        return complex(re, im)
    s1 = sqrt(complex(1.0 - x, -y))
    s2 = sqrt(complex(1.0 + x, y))
    return complex(2 * math.atan2(s1.real, s2.real), math.asinh(s2.real * s1.imag - s2.imag * s1.real))


def acosh(z):
    z = _complex(z)
    s = _special('acosh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if abs(x) > _LARGE or abs(y) > _LARGE:
        return complex(_log_hypot(x, y) + _LN2, math.atan2(y, x))
    s1 = sqrt(complex(x - 1.0, y))
    s2 = sqrt(complex(x + 1.0, y))
    return complex(math.asinh(s1.real * s2.real + s1.imag * s2.imag), 2 * math.atan2(s1.imag, s2.real))


def asinh(z):
    z = _complex(z)
    s = _special('asinh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if abs(x) > _LARGE or abs(y) > _LARGE:
        re = _copysign(_log_hypot(x, y) + _LN2, x)
        return complex(re, math.atan2(y, abs(x)))
    s1 = sqrt(complex(1.0 + y, -x))
    s2 = sqrt(complex(1.0 - y, x))
    return complex(math.asinh(s1.real * s2.imag - s2.real * s1.imag),
                   math.atan2(y, s1.real * s2.real - s1.imag * s2.imag))


def asin(z):
    return _rotated(asinh, z)


def atanh(z):
    z = _complex(z)
    s = _special('atanh', z)
    if s is not None:
        return s
    x, y = z.real, z.imag
    if x < 0 or (x == 0.0 and _copysign(1.0, x) < 0):
        r = atanh(complex(-x, -y))
        return complex(-r.real, -r.imag)
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        h = math.hypot(x / 2, y / 2)
        return complex(x / 4 / h / h, -_copysign(_P2, -y))
    if x == 1.0 and ay < 1.4916681462400413e-154:
        if ay == 0.0:
            raise _domain()
        return complex(-math.log(math.sqrt(ay) / math.sqrt(math.hypot(ay, 2.0))), _copysign(math.atan2(2.0, -ay) / 2, y))
    re = math.log1p(4 * x / ((1 - x) * (1 - x) + ay * ay)) / 4
    im = -math.atan2(-2 * y, (1 - x) * (1 + x) - ay * ay) / 2
    return complex(re, im)


def atan(z):
    return _rotated(atanh, z)


def _log_hypot(x, y):
    """log(hypot(x, y)) for parts too large to square."""
    return math.log(math.hypot(x / 2, y / 2)) + _LN2
