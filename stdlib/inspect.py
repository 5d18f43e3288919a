"""inspect: the type predicates (isfunction, iscoroutinefunction,
isawaitable, ...) and a few helpers. Signatures, source code and frame
inspection are not available yet."""

import types

from _inspect import code_flags

__all__ = ["getmro", "isasyncgen", "isasyncgenfunction", "isawaitable", "isbuiltin",
           "isclass", "iscode", "iscoroutine", "iscoroutinefunction", "isframe",
           "isfunction", "isgenerator", "isgeneratorfunction", "ismethod", "ismodule",
           "isroutine", "istraceback", "unwrap"]

CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj) or callable(obj) and \
        type(obj).__name__ in ("method_descriptor", "wrapper_descriptor", "method-wrapper")


def iscode(obj):
    return isinstance(obj, types.CodeType)


def isframe(obj):
    return types.FrameType is not None and isinstance(obj, types.FrameType)


def istraceback(obj):
    return isinstance(obj, types.TracebackType)


def _has_code_flag(func, flag):
    """Whether the code behind `func` (through methods and partials) has `flag`."""
    if isfunction(func):
        return bool(code_flags(func) & flag)
    import functools
    while True:
        if ismethod(func):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            break
    return isfunction(func) and bool(code_flags(func) & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, types.AsyncGeneratorType)


def isawaitable(obj):
    """Whether `await obj` is allowed."""
    return isinstance(obj, types.CoroutineType) or hasattr(type(obj), "__await__")


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    """Follow the chain of __wrapped__ attributes down to the innermost function."""
    seen = {id(func)}
    original = func
    while hasattr(func, "__wrapped__") and (stop is None or not stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError(f"wrapper loop when unwrapping {original!r}")
        seen.add(id(func))
    return func


# ---------------------------------------------------------------------------
# Signatures: the parameters of a Python callable, read from its code object.

class _empty:
    """Marks a parameter without a default or an annotation."""


class _ParameterKind(int):
    def __new__(cls, value, name, description):
        obj = int.__new__(cls, value)
        obj._name = name
        obj.description = description
        return obj

    @property
    def name(self):
        return self._name

    def __repr__(self):
        return f"<_ParameterKind.{self._name}: {int(self)}>"

    def __str__(self):
        return self._name


POSITIONAL_ONLY = _ParameterKind(0, "POSITIONAL_ONLY", "positional-only")
POSITIONAL_OR_KEYWORD = _ParameterKind(1, "POSITIONAL_OR_KEYWORD", "positional or keyword")
VAR_POSITIONAL = _ParameterKind(2, "VAR_POSITIONAL", "variadic positional")
KEYWORD_ONLY = _ParameterKind(3, "KEYWORD_ONLY", "keyword-only")
VAR_KEYWORD = _ParameterKind(4, "VAR_KEYWORD", "variadic keyword")


def formatannotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return f"{annotation.__module__}.{annotation.__qualname__}"
    return repr(annotation).replace("typing.", "")


class Parameter:
    empty = _empty
    POSITIONAL_ONLY = POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = VAR_POSITIONAL
    KEYWORD_ONLY = KEYWORD_ONLY
    VAR_KEYWORD = VAR_KEYWORD

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self.name = name
        self.kind = kind
        self.default = default
        self.annotation = annotation

    def replace(self, **changes):
        fields = {"name": self.name, "kind": self.kind, "default": self.default, "annotation": self.annotation}
        fields.update(changes)
        name, kind = fields.pop("name"), fields.pop("kind")
        return Parameter(name, kind, **fields)

    def __str__(self):
        text = self.name
        if self.annotation is not _empty:
            text += f": {formatannotation(self.annotation)}"
        if self.default is not _empty:
            text += f" = {self.default!r}" if self.annotation is not _empty else f"={self.default!r}"
        if self.kind == VAR_POSITIONAL:
            text = "*" + text
        elif self.kind == VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return f'<Parameter "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self.name, self.kind, self.default, self.annotation) == (
            other.name, other.kind, other.default, other.annotation)

    __hash__ = None


class BoundArguments:
    def __init__(self, signature, arguments):
        self.signature = signature
        self.arguments = arguments

    @property
    def args(self):
        out = []
        for p in self.signature.parameters.values():
            if p.kind >= KEYWORD_ONLY or p.name not in self.arguments:
                break
            if p.kind == VAR_POSITIONAL:
                out.extend(self.arguments[p.name])
            else:
                out.append(self.arguments[p.name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        positional = True
        for p in self.signature.parameters.values():
            if p.kind >= KEYWORD_ONLY or p.name not in self.arguments:
                positional = p.kind < KEYWORD_ONLY and p.name in self.arguments
            if positional and p.kind < KEYWORD_ONLY:
                continue
            if p.name not in self.arguments:
                continue
            if p.kind == VAR_KEYWORD:
                out.update(self.arguments[p.name])
            elif p.kind != VAR_POSITIONAL:
                out[p.name] = self.arguments[p.name]
        return out

    def apply_defaults(self):
        filled = {}
        for name, p in self.signature.parameters.items():
            if name in self.arguments:
                filled[name] = self.arguments[name]
            elif p.default is not _empty:
                filled[name] = p.default
            elif p.kind == VAR_POSITIONAL:
                filled[name] = ()
            elif p.kind == VAR_KEYWORD:
                filled[name] = {}
        self.arguments = filled

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items())
        return f"<BoundArguments ({items})>"


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self.parameters = {p.name: p for p in (parameters or ())}
        self.return_annotation = return_annotation

    def replace(self, *, parameters=None, return_annotation=_empty):
        return Signature(list(self.parameters.values()) if parameters is None else parameters,
                         return_annotation=return_annotation)

    def __str__(self):
        parts = []
        slash_pending = False
        star_written = False
        for p in self.parameters.values():
            if slash_pending and p.kind != POSITIONAL_ONLY:
                parts.append("/")
                slash_pending = False
            if p.kind == POSITIONAL_ONLY:
                slash_pending = True
            if p.kind == VAR_POSITIONAL:
                star_written = True
            if p.kind == KEYWORD_ONLY and not star_written:
                parts.append("*")
                star_written = True
            parts.append(str(p))
        if slash_pending:
            parts.append("/")
        text = f"({', '.join(parts)})"
        if self.return_annotation is not _empty:
            text += f" -> {formatannotation(self.return_annotation)}"
        return text

    def __repr__(self):
        return f"<Signature {self}>"

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (list(self.parameters.values()) == list(other.parameters.values())
                and self.return_annotation == other.return_annotation)

    __hash__ = None

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=False)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        kwargs = dict(kwargs)
        params = list(self.parameters.values())
        i = 0
        for p in params:
            if p.kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD) and i < len(args):
                if p.name in kwargs and p.kind == POSITIONAL_OR_KEYWORD:
                    raise TypeError(f"multiple values for argument {p.name!r}")
                arguments[p.name] = args[i]
                i += 1
            elif p.kind == VAR_POSITIONAL:
                arguments[p.name] = tuple(args[i:])
                i = len(args)
        if i < len(args):
            raise TypeError("too many positional arguments")
        var_kw = None
        for p in params:
            if p.kind == VAR_KEYWORD:
                var_kw = p
            elif p.name in arguments or p.kind == VAR_POSITIONAL:
                continue
            elif p.kind != POSITIONAL_ONLY and p.name in kwargs:
                arguments[p.name] = kwargs.pop(p.name)
            elif not partial and p.default is _empty:
                raise TypeError(f"missing a required argument: {p.name!r}")
        if kwargs:
            if var_kw is None:
                raise TypeError(f"got an unexpected keyword argument {next(iter(kwargs))!r}")
            arguments[var_kw.name] = kwargs
        return BoundArguments(self, arguments)


def _function_signature(func, skip_first):
    code = func.__code__
    names = code.co_varnames
    n_pos, n_posonly, n_kwonly = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
    annotations = getattr(func, "__annotations__", {}) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = n_pos - len(defaults)
    params = []
    for i, name in enumerate(names[:n_pos]):
        kind = POSITIONAL_ONLY if i < n_posonly else POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    rest = n_pos + n_kwonly
    if code.co_flags & 0x04:
        name = names[rest]
        params.append(Parameter(name, VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        rest += 1
    for name in names[n_pos:n_pos + n_kwonly]:
        params.append(Parameter(name, KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & 0x08:
        name = names[rest]
        params.append(Parameter(name, VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_first:
        params = params[1:]
    return Signature(params, return_annotation=annotations.get("return", _empty))


def signature(obj, *, follow_wrapped=True):
    """The Signature of a Python function, method, class or callable object."""
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        return sig
    if ismethod(obj):
        return _function_signature(obj.__func__, skip_first=True)
    if isfunction(obj):
        return _function_signature(obj, skip_first=False)
    if isclass(obj):
        init = getattr(obj, "__init__", None)
        if isfunction(init):
            return _function_signature(init, skip_first=True)
        return Signature()
    call = getattr(type(obj), "__call__", None)
    if isfunction(call):
        return _function_signature(call, skip_first=True)
    raise ValueError(f"no signature found for {obj!r}")
