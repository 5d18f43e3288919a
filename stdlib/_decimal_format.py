"""format() for decimal.Decimal: the format-spec mini-language
[[fill]align][sign][z][0][width][,][.precision][type] with the types
e E f F g G n % and none, as CPython's decimal lays numbers out (exponents
unpadded, rounding by the context's rounding mode, trailing zeros kept).
"""

import decimal


def _parse_spec(spec):
    """The fields of a format spec, or ValueError."""
    fill, align = ' ', None
    i = 0
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ('<', '>', '=', '^'):
        align, i = spec[0], 1
    sign = '-'
    if spec[i:i + 1] in ('+', '-', ' '):
        sign, i = spec[i], i + 1
    no_neg_zero = spec[i:i + 1] == 'z'
    if no_neg_zero:
        i += 1
    if spec[i:i + 1] == '0':
        if align is None:
            fill, align = '0', '='
        i += 1
    start = i
    while spec[i:i + 1].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = ''
    if spec[i:i + 1] == ',':
        grouping, i = ',', i + 1
    precision = None
    if spec[i:i + 1] == '.':
        start = i = i + 1
        while spec[i:i + 1].isdigit():
            i += 1
        if i == start:
            raise ValueError('invalid format string')
        precision = int(spec[start:i])
    kind = spec[i:]
    if kind not in ('', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'):
        raise ValueError('invalid format string')
    if grouping and kind == 'n':
        raise ValueError('invalid format string')
    return fill, align or '>', sign, no_neg_zero, width, grouping, precision, kind or None


def _split3(digits):
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return groups


def format_decimal(d, spec, ctx):
    fill, align, sign_opt, no_neg_zero, width, grouping, precision, kind = _parse_spec(spec)
    if kind is None:
        kind = 'G' if ctx.capitals else 'g'
    if d._special:
        body = 'Infinity' if d._special == 'F' else ('sNaN' if d._special == 'N' else 'NaN')
        if kind == '%':
            body += '%'
        if align == '=' and fill == '0':
            fill, align = ' ', '>'
        return _pad(_sign(d._sign, sign_opt), body, fill, align, width)
    intpart, tail, d = _layout(d, kind, precision, ctx.rounding)
    negative = d._sign == 1 and not (no_neg_zero and d._coef == 0)
    sign = _sign(negative, sign_opt)
    if align == '=' and fill == '0':
        min_int = max(width - len(sign) - len(tail), 1)
        while len(_join(intpart, grouping)) < min_int:
            intpart = '0' + intpart
    return _pad(sign, _join(intpart, grouping) + tail, fill, align, width)


def _layout(d, kind, precision, rounding):
    """(integer digits, the rest, the rounded number) of a finite number."""
    if kind == '%':
        d = decimal._dec(d._sign, d._coef, d._exp + 2)
    if kind in 'fF%':
        if precision is not None:
            d = d._rescale(-precision, rounding)[0]
        elif d._coef == 0 and d._exp > 0:
            d = decimal._dec(d._sign, 0, 0)
    elif kind in 'eE':
        if precision is not None:
            d = d._round_digits(precision + 1, rounding)
            short = precision + 1 - decimal._ndigits(d._coef)
            if short > 0 and d._coef:
                d = decimal._dec(d._sign, d._coef * 10 ** short, d._exp - short)
    elif precision is not None:
        d = d._round_digits(max(precision, 1), rounding)
    digits = decimal._digit_str(d._coef)
    leftdigits = d._exp + len(digits)
    if kind in 'eE':
        # A zero shows `precision` zeros after the point.
        dotplace = 1 - precision if d._coef == 0 and precision is not None else 1
    elif kind in 'fF%' or (d._exp <= 0 and leftdigits > -6):
        dotplace = leftdigits
    else:
        dotplace = 1
    if dotplace <= 0:
        intpart, frac = '0', '0' * -dotplace + digits
    elif dotplace >= len(digits):
        intpart, frac = digits + '0' * (dotplace - len(digits)), ''
    else:
        intpart, frac = digits[:dotplace], digits[dotplace:]
    tail = '.' + frac if frac else ''
    shown = leftdigits - dotplace
    if kind in 'eE' or (shown and kind in 'gGn'):
        tail += f"{'E' if kind in 'EG' else 'e'}{shown:+d}"
    if kind == '%':
        tail += '%'
    return intpart, tail, d


def _sign(negative, sign_opt):
    if negative:
        return '-'
    return '' if sign_opt == '-' else sign_opt


def _join(intpart, sep):
    return sep.join(_split3(intpart)) if sep else intpart


def _pad(sign, body, fill, align, width):
    room = width - len(sign) - len(body)
    if room <= 0:
        return sign + body
    if align == '<':
        return sign + body + fill * room
    if align == '^':
        left = room // 2
        return fill * left + sign + body + fill * (room - left)
    if align == '=':
        return sign + fill * room + body
    return fill * room + sign + body
