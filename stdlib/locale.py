"""Locale categories and the C locale's conventions.

tulip carries no locale data: the locales it knows are 'C'/'POSIX' and
'C.UTF-8' (what CPython starts with for LC_CTYPE when LANG is C.UTF-8),
and setting any other raises locale.Error as CPython does for a locale the
system lacks. Formatting and parsing follow the C locale: '.' as the
decimal point, no grouping, no currency.
"""

import builtins
import os

__all__ = ['getlocale', 'getdefaultlocale', 'getpreferredencoding', 'getencoding',
           'Error', 'setlocale', 'localeconv', 'strcoll', 'strxfrm', 'str',
           'atof', 'atoi', 'format_string', 'currency', 'normalize', 'delocalize',
           'localize', 'LC_CTYPE', 'LC_COLLATE', 'LC_TIME', 'LC_MONETARY',
           'LC_NUMERIC', 'LC_ALL', 'LC_MESSAGES', 'CHAR_MAX']

# glibc's category numbers.
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

# The categories setlocale(LC_ALL) reports, in glibc's order.
_ALL_NAMES = ('LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY',
              'LC_MESSAGES', 'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE',
              'LC_MEASUREMENT', 'LC_IDENTIFICATION')
_KNOWN = {'C': 'C', 'POSIX': 'C', 'C.UTF-8': 'C.UTF-8', 'C.utf8': 'C.UTF-8'}


class Error(Exception):
    pass


# The current locale of each of _ALL_NAMES; the interpreter starts with
# LC_CTYPE from the environment, the rest "C".
_current = dict.fromkeys(_ALL_NAMES, 'C')


def _from_environment(name):
    for var in ('LC_ALL', name, 'LANG'):
        value = os.environ.get(var)
        if value:
            return value
    return 'C'


def _init():
    value = _KNOWN.get(_from_environment('LC_CTYPE'))
    if value is not None:
        _current['LC_CTYPE'] = value


_init()


def _category_name(category):
    names = {LC_CTYPE: 'LC_CTYPE', LC_NUMERIC: 'LC_NUMERIC', LC_TIME: 'LC_TIME',
             LC_COLLATE: 'LC_COLLATE', LC_MONETARY: 'LC_MONETARY', LC_MESSAGES: 'LC_MESSAGES'}
    if category == LC_ALL:
        return None
    if category not in names:
        raise Error('unsupported locale setting')
    return names[category]


def _query(category):
    name = _category_name(category)
    if name is not None:
        return _current[name]
    values = set(_current.values())
    if len(values) == 1:
        return values.pop()
    return ';'.join(f'{n}={_current[n]}' for n in _ALL_NAMES)


def setlocale(category, locale=None):
    """Sets the locale of a category (or all) and returns it; with no
    locale, returns the current one."""
    if not isinstance(category, int):
        raise TypeError(f"'{type(category).__name__}' object cannot be interpreted as an integer")
    if locale is not None and not isinstance(locale, builtins.str):
        locale = normalize(_build_localename(locale))
    if locale is None:
        return _query(category)
    name = _category_name(category)
    names = _ALL_NAMES if name is None else (name,)
    chosen = {}
    for n in names:
        wanted = locale or _from_environment(n)
        if wanted not in _KNOWN:
            raise Error('unsupported locale setting')
        chosen[n] = _KNOWN[wanted]
    _current.update(chosen)
    return _query(category)


def _build_localename(pair):
    language, encoding = pair
    if language is None:
        language = 'C'
    return language if encoding is None else f'{language}.{encoding}'


def normalize(localename):
    """The locale name with its encoding spelled as the C library does."""
    if localename in ('C', 'POSIX'):
        return localename
    if localename.lower() in ('c.utf8', 'c.utf-8'):
        return 'C.UTF-8'
    lang, dot, encoding = localename.partition('.')
    if dot and encoding.lower().replace('-', '') == 'utf8':
        return f'{lang}.UTF-8'
    return localename


def _parse(localename):
    if localename in ('C', 'POSIX'):
        return None, None
    if localename == 'C.UTF-8':
        # CPython's alias table maps C.UTF-8 to en_US.UTF-8.
        return 'en_US', 'UTF-8'
    lang, _, encoding = localename.partition('.')
    return lang, encoding or None


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of the category's locale."""
    name = _query(category)
    if category == LC_ALL and ';' in name:
        raise TypeError('category LC_ALL is not supported')
    return _parse(name)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in "
                  "Python 3.15. Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    for var in envvars:
        value = os.environ.get(var)
        if value:
            if var == 'LANGUAGE':
                value = value.split(':')[0]
            return _parse(normalize(value))
    return None, None


def getencoding():
    """The codeset of LC_CTYPE's locale, as nl_langinfo(CODESET) names it."""
    return 'UTF-8' if _current['LC_CTYPE'] == 'C.UTF-8' else 'ANSI_X3.4-1968'


def getpreferredencoding(do_setlocale=True):
    # Python's UTF-8 mode, which CPython enables in the C locale too.
    return 'UTF-8'


def localeconv():
    """The C locale's numeric and monetary conventions."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX,
            'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX,
            'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX, 'decimal_point': '.',
            'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def format_string(f, val, grouping=False, monetary=False):
    """f % val; the C locale has no grouping to apply."""
    return f % val


def str(val):
    return '%.12g' % val


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
