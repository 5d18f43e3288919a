# The Python half of `re`: Pattern objects, the module functions and
# replacement templates. Matching and Match objects are native (mod.rs).

__version__ = '2.2.1'
__all__ = [
    'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile',
    'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X',
    'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE',
    'NOFLAG', 'RegexFlag',
]

_MAXSIZE = 9223372036854775807
_MAXREPEAT = 4294967295
_FLAG_NAMES = (
    ('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8), ('DOTALL', 16),
    ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128), ('ASCII', 256),
)


# RegexFlag's members in definition order (its repr's order).
_ENUM_ORDER = (
    ('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
    ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128),
)


def _flag_text(value, order=_FLAG_NAMES):
    parts = []
    for name, bit in order:
        if value & bit:
            parts.append('re.' + name)
            value &= ~bit
    if value:
        parts.append(hex(value))
    return '|'.join(parts)


class RegexFlag(int):
    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        if v & 511 == 0:
            return 're.RegexFlag(%d)' % v
        return _flag_text(v, _ENUM_ORDER)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(other) | int(self))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    def __rand__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(other) & int(self))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    @property
    def name(self):
        v = int(self)
        if v == 0:
            return 'NOFLAG'
        return '|'.join(n for n, bit in _ENUM_ORDER if v & bit) or None

    @property
    def value(self):
        return int(self)


NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


def _is_text(s):
    return isinstance(s, str)


def _check_subject(pattern, string):
    if isinstance(string, str):
        if pattern._isbytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
    elif isinstance(string, (bytes, bytearray)):
        if not pattern._isbytes:
            raise TypeError('cannot use a string pattern on a bytes-like object')
        if type(string) is not bytes:
            return bytes(string)
    else:
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
    return string


def _new_match(pattern, string, subject, marks, pos, endpos):
    return _make_match(pattern._handle, pattern, string, subject, marks, pos, endpos)


def _clamp(n, length):
    if n < 0:
        return 0
    return length if n > length else n


class Pattern:
    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_handle', '_isbytes', '_templates',
                 '__weakref__')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def match(self, string, pos=0, endpos=_MAXSIZE):
        subject = string if type(string) is str and not self._isbytes else _check_subject(self, string)
        return _match(self._handle, subject, pos, endpos, 0, self, string)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        subject = string if type(string) is str and not self._isbytes else _check_subject(self, string)
        return _match(self._handle, subject, pos, endpos, 1, self, string)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        subject = string if type(string) is str and not self._isbytes else _check_subject(self, string)
        return _match(self._handle, subject, pos, endpos, 2, self, string)

    def _run(self, string, pos, endpos, mode):
        subject = _check_subject(self, string)
        return _match(self._handle, subject, pos, endpos, mode, self, string)

    def _all(self, string, pos, endpos, limit):
        subject = _check_subject(self, string)
        return subject, _scan(self._handle, subject, pos, endpos, limit)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _findall(self._handle, _check_subject(self, string), pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        subject, found = self._all(string, pos, endpos, 0)
        return iter([_new_match(self, string, subject, m, pos, endpos) for m in found])

    def split(self, string, maxsplit=0):
        subject = _check_subject(self, string)
        if maxsplit < 0:
            return [string[:] if type(string) is str else subject[0:]]
        found = _scan(self._handle, subject, 0, _MAXSIZE, maxsplit)
        return _split(subject, found, self.groups)

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def _subx(self, repl, string, count):
        subject = _check_subject(self, string)
        if callable(repl):
            template = None
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError('decoding to str: need a bytes-like object, %s found' % type(repl).__name__)
            template = _compile_template(self, repl)
        if count < 0:
            return (subject[0:] if type(subject) is not str else subject, 0)
        if template is not None and isinstance(repl, str) != self._isbytes:
            items = template if type(template) is list else [template]
            result, n = _substitute(self._handle, subject, items, count)
            if n:
                return (result, n)
            found = None
        else:
            found = _scan(self._handle, subject, 0, _MAXSIZE, count)
        if not found:
            if isinstance(subject, str):
                return (subject if type(subject) is str else subject[:], 0)
            return (bytes(subject), 0)
        pieces = []
        last = 0
        n = len(subject)
        for m in found:
            if last < m[0]:
                pieces.append(subject[last:m[0]])
            if template is None:
                r = repl(_new_match(self, string, subject, m, 0, _MAXSIZE))
                if r is not None:
                    pieces.append(r)
            elif type(template) is not list:
                pieces.append(template)
            else:
                # A template of the other string type: CPython's join error.
                pieces.extend([x for x in template if type(x) is not int])
            last = m[1]
        if last < n:
            pieces.append(subject[last:])
        empty = b'' if self._isbytes else ''
        try:
            return (empty.join(pieces), len(found))
        except TypeError:
            for i, p in enumerate(pieces):
                if self._isbytes and not isinstance(p, (bytes, bytearray)):
                    raise TypeError("sequence item %d: expected a bytes-like object, %s found"
                                    % (i, type(p).__name__)) from None
                if not self._isbytes and not isinstance(p, str):
                    raise TypeError("sequence item %d: expected str instance, %s found"
                                    % (i, type(p).__name__)) from None
            raise

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if not self._isbytes and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        p = repr(self.pattern)[:200]
        if flags:
            return 're.compile(%s, %s)' % (p, _flag_text(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        return cls


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._done = False

    def _step(self, mode):
        if self._done:
            return None
        m = self.pattern._run(self._string, self._pos, self._endpos, mode)
        if m is None:
            self._done = True
            return None
        if m.end() == self._pos and m.start() == m.end():
            self._pos = m.end() + 1
        else:
            self._pos = m.end()
        return m

    def match(self):
        return self._step(0)

    def search(self):
        return self._step(2)


class Scanner:
    """An undocumented tokenizer: `lexicon` is a list of (pattern, action)."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self._actions = {}
        parts = []
        n = 1
        for phrase, action in lexicon:
            self._actions[n] = action
            parts.append('(%s)' % phrase)
            n += 1 + _compile(phrase, flags).groups
        self.scanner = _compile('|'.join(parts), flags)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self._actions[m.lastindex]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]


# Replacement templates: a string without escapes, or a list whose items
# are literal pieces and group numbers.

def _template_error(msg, template, pos):
    return error(msg, template, pos)


def _compile_template(pattern, repl):
    if type(repl) is not str:
        repl = bytes(repl)
        if b'\\' not in repl:
            return repl
        text = repl.decode('latin-1')
    else:
        if '\\' not in repl:
            return repl
        text = repl
    key = (text, type(repl))
    cache = pattern._templates
    if key in cache:
        return cache[key]
    items = _parse_template(text, pattern, repl)
    if type(repl) is not str:
        items = [x.encode('latin-1') if type(x) is str else x for x in items]
    if len(cache) > 100:
        cache.clear()
    cache[key] = items
    return items


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_OCT = '01234567'
_DIG = '0123456789'


def _parse_template(text, pattern, original):
    items = []
    literal = []
    n = len(text)
    i = 0

    def addgroup(index, pos):
        if index > pattern.groups:
            raise error('invalid group reference %d' % index, original, pos)
        if literal:
            items.append(''.join(literal))
            del literal[:]
        items.append(index)

    while i < n:
        c = text[i]
        i += 1
        if c != '\\':
            literal.append(c)
            continue
        if i >= n:
            raise error('bad escape (end of pattern)', original, n - 1)
        c = text[i]
        i += 1
        if c == 'g':
            if i >= n or text[i] != '<':
                raise error('missing <', original, i)
            i += 1
            j = text.find('>', i)
            if j < 0:
                if i >= n:
                    raise error('missing group name', original, n)
                raise error('missing >, unterminated name', original, i)
            name = text[i:j]
            if not name:
                raise error('missing group name', original, j)
            i = j + 1
            if name.isidentifier():
                try:
                    index = pattern.groupindex[name]
                except KeyError:
                    raise IndexError('unknown group name %r' % name) from None
            else:
                try:
                    index = int(name)
                    if index < 0:
                        raise ValueError
                except ValueError:
                    raise error('bad character in group name %r' % name, original, i - len(name) - 1) from None
                if index >= 2147483647:
                    raise error('invalid group reference %d' % index, original, i - len(name) - 1)
            addgroup(index, i - len(name) - 1)
        elif c == '0':
            digits = '0'
            if i < n and text[i] in _OCT:
                digits += text[i]
                i += 1
                if i < n and text[i] in _OCT:
                    digits += text[i]
                    i += 1
            literal.append(chr(int(digits, 8) & 0xff))
        elif c in _DIG:
            start = i - 2
            digits = c
            isoctal = False
            if i < n and text[i] in _DIG:
                digits += text[i]
                i += 1
                if c in _OCT and digits[1] in _OCT and i < n and text[i] in _OCT:
                    digits += text[i]
                    i += 1
                    isoctal = True
                    v = int(digits, 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % digits,
                                    original, start)
                    literal.append(chr(v))
            if not isoctal:
                addgroup(int(digits), start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\%s' % c, original, i - 2)
        else:
            literal.append('\\' + c)
    if literal:
        items.append(''.join(literal))
    return items


def _expand(pattern, template, match):
    t = _compile_template(pattern, template)
    if type(t) is not list:
        return t
    empty = b'' if pattern._isbytes else ''
    return empty.join([x if type(x) is not int else (match.group(x) or empty) for x in t])


# The module's functions.

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    p = _cache.get((type(pattern), pattern, flags))
    if p is not None:
        return p
    if not isinstance(flags, int):
        raise TypeError("unsupported operand type(s) for &: '%s' and 'RegexFlag'" % type(flags).__name__)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    r = _compile_native(pattern, flags)
    if r[0] is None:
        raise error(r[1], pattern, r[2])
    handle, final, groups, names = r
    if isinstance(pattern, str):
        if final & 4:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not final & 256:
            final |= 32
        elif final & 32:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if final & 32:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if final & 4 and final & 256:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = final
    p.groups = groups
    p.groupindex = _GroupIndex(names)
    p._handle = handle
    p._isbytes = not isinstance(pattern, str)
    p._templates = {}
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, KeyError):
            pass
    _cache[key] = p
    return p


class _GroupIndex(dict):
    def __repr__(self):
        return 'mappingproxy(%s)' % dict.__repr__(self)

    def __str__(self):
        return dict.__repr__(self)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object"
    return _compile(pattern, flags | TEMPLATE)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars_map).encode('latin1')


Pattern.__module__ = 're'
try:
    Match.__class_getitem__ = classmethod(lambda cls, item: cls)
except (TypeError, AttributeError):
    pass
