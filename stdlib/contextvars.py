"""Context variables (PEP 567): ContextVar, Token, Context, copy_context.

A Context is a mapping from ContextVar to value. Exactly one context is
current at a time; Context.run() makes another one current for the duration
of a call. Values set inside ctx.run() stay in ctx and are invisible to
other contexts. asyncio copies the context for every task and callback, so
copying must be cheap: a context's dict is never changed in place (set()
and reset() give the context a new dict), and copies share it."""

from _tulip import c_type as _c_type

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_MISSING = object()
_NO_VALUES = {}     # shared by every empty context: never changed in place


class Context:
    __slots__ = ("_vars", "_entered")

    def __init__(self):
        self._vars = _NO_VALUES
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        outer = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = outer
            self._entered = False

    def copy(self):
        twin = Context()
        twin._vars = self._vars
        return twin

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._vars

    def __iter__(self):
        return iter(self._vars)

    def __len__(self):
        return len(self._vars)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None

_c_type(Context, '_contextvars.Context')


_current = Context()     # the context in force


def copy_context():
    return _current.copy()


class ContextVar:
    __slots__ = ("_name", "_default")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *default):
        if len(default) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(default)}")
        value = _current._vars.get(self, _MISSING)
        if value is not _MISSING:
            return value
        if default:
            return default[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        token = Token(ctx, self, ctx._vars.get(self, Token.MISSING))
        ctx._vars = {**ctx._vars, self: value}
        return token

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {type(token).__name__!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        values = dict(ctx._vars)
        if token._old_value is Token.MISSING:
            values.pop(self, None)
        else:
            values[self] = token._old_value
        ctx._vars = values

    def __repr__(self):
        shown = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{shown} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        return cls

_c_type(ContextVar, '_contextvars.ContextVar')


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __slots__ = ("_context", "_var", "_old_value", "_used")
    MISSING = _Missing()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        return cls

_c_type(Token, '_contextvars.Token')
