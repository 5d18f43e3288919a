"""HTML helpers: escape() and unescape() (HTML5 character references)."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """s with &, < and > (and, with quote, both quote marks) as character
    references, safe to put in HTML text or attribute values."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace('\'', "&#x27;")
    return s


# Numeric references the HTML5 parser reads differently: NUL and CR, and
# 0x80-0x9F as the windows-1252 characters (or themselves where that has none).
_CP1252 = ('\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
           '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178')
_REMAPPED = {0x00: '\ufffd', 0x0d: '\r'}
_REMAPPED.update((0x80 + i, c) for i, c in enumerate(_CP1252))


def _dropped(n):
    """Code points a numeric reference may not produce (they become '')."""
    return (1 <= n <= 8 or n == 0x0b or 0x0e <= n <= 0x1f or 0x7f <= n <= 0x9f
            or 0xfdd0 <= n <= 0xfdef or (n & 0xfffe) == 0xfffe)


_REFERENCE = _re.compile(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)')


def _replace(match):
    ref = match.group(1)
    if ref[0] == '#':
        digits = ref[1:].rstrip(';')
        n = int(digits[1:], 16) if digits[:1] in ('x', 'X') else int(digits)
        if n in _REMAPPED:
            return _REMAPPED[n]
        if 0xd800 <= n <= 0xdfff or n > 0x10ffff:
            return '\ufffd'
        return '' if _dropped(n) else chr(n)
    if ref in _html5:
        return _html5[ref]
    # The longest known name that the reference starts with (some work
    # without their semicolon, as in '&ampx').
    for end in range(len(ref) - 1, 1, -1):
        if ref[:end] in _html5:
            return _html5[ref[:end]] + ref[end:]
    return '&' + ref


def unescape(s):
    """s with every named and numeric character reference replaced, as an
    HTML5 parser reads them."""
    if '&' not in s:
        return s
    return _REFERENCE.sub(_replace, s)
