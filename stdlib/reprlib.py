"""repr() with size limits (Repr, repr) and recursive_repr, the decorator
that makes a __repr__ safe against recursion."""

import builtins
from itertools import islice

__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue='...'):
    """Decorator: a __repr__ that meets its own object again (through a
    cycle) returns fillvalue instead of recursing."""

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        for attr in ('__module__', '__doc__', '__name__', '__qualname__', '__annotations__'):
            try:
                setattr(wrapper, attr, getattr(user_function, attr))
            except AttributeError:
                pass
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


class Repr:
    """Limits for the parts of an abbreviated repr."""

    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        kind = type(x).__name__
        if ' ' in kind:
            kind = '_'.join(kind.split())
        method = getattr(self, 'repr_' + kind, None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _join(self, pieces, level):
        return ', '.join(pieces)

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            inner = self.fillvalue
        else:
            parts = [self.repr1(item, level - 1) for item in islice(x, maxiter)]
            if n > maxiter:
                parts.append(self.fillvalue)
            inner = ', '.join(parts)
            if n == 1 and trail:
                right = trail + right
        return '%s%s%s' % (left, inner, right)

    # Containers: (opening, closing, limit attribute, 1-item trail).
    _SHAPES = {
        'tuple': ('(', ')', 'maxtuple', ','),
        'list': ('[', ']', 'maxlist', ''),
        'deque': ('deque([', '])', 'maxdeque', ''),
        'set': ('{', '}', 'maxset', ''),
        'frozenset': ('frozenset({', '})', 'maxfrozenset', ''),
    }

    def _container(self, kind, x, level):
        left, right, limit, trail = self._SHAPES[kind]
        if kind in ('set', 'frozenset'):
            if not x:
                return kind + '()'
            x = _ordered(x)
        return self._repr_iterable(x, level, left, right, getattr(self, limit), trail)

    def repr_tuple(self, x, level):
        return self._container('tuple', x, level)

    def repr_list(self, x, level):
        return self._container('list', x, level)

    def repr_deque(self, x, level):
        return self._container('deque', x, level)

    def repr_set(self, x, level):
        return self._container('set', x, level)

    def repr_frozenset(self, x, level):
        return self._container('frozenset', x, level)

    def repr_array(self, x, level):
        code = x.typecode
        if not len(x):
            return "array('%s')" % code
        return self._repr_iterable(x, level, "array('%s', [" % code, '])', self.maxarray)

    def repr_dict(self, x, level):
        n = len(x)
        if not n:
            return '{}'
        if level <= 0:
            return '{%s}' % self.fillvalue
        pieces = []
        for key in islice(_ordered(x), self.maxdict):
            pieces.append('%s: %s' % (self.repr1(key, level - 1), self.repr1(x[key], level - 1)))
        if n > self.maxdict:
            pieces.append(self.fillvalue)
        return '{%s}' % ', '.join(pieces)

    def repr_str(self, x, level):
        s = builtins.repr(x[:self.maxstring])
        if len(s) > self.maxstring:
            i = max(0, (self.maxstring - 3) // 2)
            j = max(0, self.maxstring - 3 - i)
            s = builtins.repr(x[:i] + x[len(x) - j:])
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s

    def repr_int(self, x, level):
        return _middle_cut(builtins.repr(x), self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (type(x).__name__, id(x))
        return _middle_cut(text, self.maxother, self.fillvalue)


def _middle_cut(text, limit, fill):
    """text, or its start and end around fill when longer than limit."""
    if len(text) <= limit:
        return text
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return text[:head] + fill + text[len(text) - tail:]


def _ordered(x):
    try:
        return sorted(x)
    except Exception:
        return list(x)


aRepr = Repr()
repr = aRepr.repr
