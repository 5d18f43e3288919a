"""Data classes: @dataclass generates __init__, __repr__, __eq__ (and with
options ordering, hashing, frozenness) from a class's annotated fields."""

import sys
import copy
import types
import abc

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


# Marker values.  Each has a class of its own, as in CPython, where code
# outside refers to the classes.

class _MISSING_TYPE:
    """The type of MISSING: "no default given" (None is a valid default)."""


class _KW_ONLY_TYPE:
    """The type of KW_ONLY: the pseudo-field `_: KW_ONLY` makes the fields
    after it keyword-only."""


class _HAS_DEFAULT_FACTORY_CLASS:
    """The default of an __init__ parameter whose field has a default
    factory: seen as an argument, it means "call the factory"."""

    def __repr__(self):
        return "<factory>"


MISSING = _MISSING_TYPE()
KW_ONLY = _KW_ONLY_TYPE()
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

try:
    _EMPTY_METADATA = types.MappingProxyType({})
except TypeError:
    _EMPTY_METADATA = {}


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__ only."""
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f"dataclasses.InitVar[{type_name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """The description of one field of a dataclass (see field())."""
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            try:
                self.metadata = types.MappingProxyType(metadata)
            except TypeError:
                self.metadata = metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"eq={self.eq!r},"
                f"order={self.order!r},"
                f"unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r}"
                ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describes a field: its default or default_factory (a zero-argument
    callable run for each instance), and whether it is in __init__, __repr__,
    comparisons and the hash."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return f"({','.join([f'{obj_name}.{f.name}' for f in fields])},)"


_repr_running = set()


def _recursive_repr(user_function):
    def wrapper(self):
        key = id(self)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            result = user_function(self)
        finally:
            _repr_running.discard(key)
        return result
    wrapper.__name__ = user_function.__name__
    wrapper.__qualname__ = user_function.__qualname__
    wrapper.__wrapped__ = user_function
    return wrapper


def _create_fn(name, args, body, *, globals=None, locals=None):
    if locals is None:
        locals = {}
    body_txt = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({', '.join(args)}):\n{body_txt}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals if globals is not None else {}, ns)
    return ns["__create_fn__"](**locals)


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return f"__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})"
    return f"{self_name}.{name}={value}"


def _field_init(f, frozen, locals, self_name, slots):
    """The statement of the generated __init__ that stores field f, or None
    when __init__ does not store it.  Defaults the code refers to by name go
    into `locals`."""
    default_name = f"__dataclass_dflt_{f.name}__"
    has_factory = f.default_factory is not MISSING
    has_default = f.default is not MISSING
    if has_factory:
        locals[default_name] = f.default_factory
    elif has_default and (f.init or slots):
        locals[default_name] = f.default
    if f._field_type is _FIELD_INITVAR:
        return None  # only passed on to __post_init__
    if has_factory:
        if f.init:
            value = (f"{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ "
                     f"else {f.name}")
        else:
            value = f"{default_name}()"
    elif f.init:
        value = f.name
    elif slots and has_default:
        value = default_name  # slots leave no class attribute to fall back on
    else:
        return None  # the class attribute supplies the value
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    """The parameter of __init__ for field f, with its default."""
    if f.default is not MISSING:
        return f"{f.name}=__dataclass_dflt_{f.name}__"
    if f.default_factory is not MISSING:
        return f"{f.name}=__dataclass_HAS_DEFAULT_FACTORY__"
    return f.name


def _check_default_order(std_fields):
    # As in a def: positional parameters without defaults come first.
    defaulted = False
    for f in std_fields:
        if not f.init:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            defaulted = True
        elif defaulted:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name,
             globals, slots):
    _check_default_order(std_fields)
    locals = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
              "__dataclass_builtins_object__": object}
    statements = [_field_init(f, frozen, locals, self_name, slots) for f in fields]
    body = [line for line in statements if line]
    if has_post_init:
        initvars = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f"{self_name}.{_POST_INIT_NAME}({initvars})")
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    return _create_fn("__init__", params, body or ["pass"], locals=locals, globals=globals)


def _repr_fn(fields, globals):
    fn = _create_fn("__repr__", ("self",),
                    ['return self.__class__.__qualname__ + f"(' +
                     ", ".join([f"{f.name}={{self.{f.name}!r}}" for f in fields]) + ')"'],
                    globals=globals)
    return _recursive_repr(fn)


def _frozen_get_del_attr(cls, fields, globals):
    fields_names = frozenset(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in fields_names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in fields_names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _cmp_fn(name, op, self_tuple, other_tuple, globals):
    return _create_fn(name, ("self", "other"),
                      ["if other.__class__ is self.__class__:",
                       f" return {self_tuple}{op}{other_tuple}",
                       "return NotImplemented"],
                      globals=globals)


def _hash_fn(fields, globals):
    self_tuple = _tuple_str("self", fields)
    return _create_fn("__hash__", ("self",), [f"return hash({self_tuple})"], globals=globals)


def _annotation_names(annotation):
    # The (module, name) an annotation names: "ClassVar[int]" -> (None, "ClassVar"),
    # "typing.ClassVar" -> ("typing", "ClassVar").
    text = annotation.strip()
    head = ""
    for ch in text:
        if ch.isalnum() or ch in "_.":
            head += ch
        else:
            break
    if "." in head:
        mod, _, name = head.rpartition(".")
        return mod.strip(), name.strip()
    return None, head


def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or (type(a_type) is typing._GenericAlias and a_type.__origin__ is typing.ClassVar))


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    mod, name = _annotation_names(annotation)
    if not name:
        return False
    module = sys.modules.get(cls.__module__)
    if mod is None:
        if module and module.__dict__.get(name) is a_type:
            return True
        return False
    ns = getattr(module, "__dict__", {}).get(mod) if module else None
    if ns is not None and getattr(ns, "__name__", None) == a_module.__name__:
        return is_type_predicate(getattr(ns, name, None), a_module)
    return False


def _annotation_is(cls, a_type, module, marker, predicate):
    # Whether annotation a_type means `marker` of `module` (ClassVar, InitVar,
    # KW_ONLY), given as an object or as a string to resolve in cls's module.
    if predicate(a_type, module):
        return True
    return isinstance(a_type, str) and _is_type(a_type, cls, module, marker, predicate)


def _field_kind(cls, a_type):
    typing = sys.modules.get("typing")
    if typing and _annotation_is(cls, a_type, typing, typing.ClassVar, _is_classvar):
        return _FIELD_CLASSVAR
    dataclasses = sys.modules[__name__]
    if _annotation_is(cls, a_type, dataclasses, dataclasses.InitVar, _is_initvar):
        return _FIELD_INITVAR
    return _FIELD


def _get_field(cls, a_name, a_type, default_kw_only):
    """The Field for the annotation `a_name: a_type` of cls, made from the
    class attribute of that name: a field(), a plain default, or nothing."""
    value = getattr(cls, a_name, MISSING)
    if isinstance(value, Field):
        f = value
    elif isinstance(value, types.MemberDescriptorType):
        f = field()  # a slot of a dataclass(slots=True) base is no default
    else:
        f = field(default=value)
    f.name, f.type = a_name, a_type
    kind = f._field_type = _field_kind(cls, a_type)
    if kind is not _FIELD and f.default_factory is not MISSING:
        raise TypeError(f"field {f.name} cannot have a default factory")
    if kind is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    # Instances would share a mutable default (list, dict, set, ...).
    if kind is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field "
                         f"{f.name} is not allowed: use default_factory")
    return f


def _set_qualname(cls, value):
    if isinstance(value, types.FunctionType):
        value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    return value


def _set_new_attribute(cls, name, value):
    """Add a generated attribute unless cls defines `name` itself; returns
    True when it does (and nothing was added)."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, _set_qualname(cls, value))
    return False


def _hash_plan(unsafe_hash, eq, frozen, has_explicit_hash):
    """What to do about __hash__: None (leave it), "none" (set it to None),
    "add" (generate it), or "error"."""
    if unsafe_hash:
        return "error" if has_explicit_hash else "add"
    if not eq or has_explicit_hash:
        return None  # the inherited or explicit __hash__ stays
    # __eq__ is generated: equal objects need equal hashes, which only
    # frozen instances can keep.
    return "add" if frozen else "none"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    fields = {}
    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
        globals = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # Fields of dataclass bases, the most basic first: later ones win.
    base_params = []
    for base in reversed(cls.__mro__[1:]):
        inherited = getattr(base, _FIELDS, None)
        if inherited is not None:
            fields.update((f.name, f) for f in inherited.values())
            base_params.append(getattr(base, _PARAMS))
    has_dataclass_bases = bool(base_params)
    any_frozen_base = any(params.frozen for params in base_params)

    cls_annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    KW_ONLY_seen = False
    dataclasses = sys.modules[__name__]
    for name, type_ in cls_annotations.items():
        if _annotation_is(cls, type_, dataclasses, dataclasses.KW_ONLY, _is_kw_only):
            if KW_ONLY_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    fields.update((f.name, f) for f in cls_fields)
    for f in cls_fields:
        # A field() as class attribute gives way to the plain default, if any.
        if not isinstance(getattr(cls, f.name, None), Field):
            continue
        if f.default is MISSING:
            delattr(cls, f.name)
        else:
            setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__",
                           _init_fn(all_init_fields, std_init_fields, kw_only_init_fields,
                                    frozen, has_post_init,
                                    "__dataclass_self__" if "self" in fields else "self",
                                    globals, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, "__repr__", _repr_fn(flds, globals))

    if eq:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str("self", flds)
        other_tuple = _tuple_str("other", flds)
        _set_new_attribute(cls, "__eq__", _cmp_fn("__eq__", "==", self_tuple, other_tuple,
                                                  globals))

    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str("self", flds)
        other_tuple = _tuple_str("other", flds)
        for name, op in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, self_tuple, other_tuple, globals)):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                f"Consider using functools.total_ordering")

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, globals):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f"Cannot overwrite attribute {fn.__name__} in class "
                                f"{cls.__name__}")

    plan = _hash_plan(unsafe_hash, eq, frozen, has_explicit_hash)
    if plan == "error":
        raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
    if plan == "none":
        cls.__hash__ = None
    elif plan == "add":
        hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _set_qualname(cls, _hash_fn(hashed, globals))

    if not getattr(cls, "__doc__", None):
        cls.__doc__ = _signature_doc(cls, std_init_fields, kw_only_init_fields)

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _format_annotation(a):
    if isinstance(a, type) and type(a) is type or isinstance(a, abc.ABCMeta):
        if a.__module__ == "builtins":
            return a.__qualname__
        return f"{a.__module__}.{a.__qualname__}"
    return repr(a).replace("typing.", "")


def _signature_doc(cls, std_fields, kw_fields):
    # What inspect.signature(cls) would print, as CPython's dataclass docstring.
    def param(f):
        text = f"{f.name}: {_format_annotation(f.type)}"
        if f.default is not MISSING:
            text += f" = {f.default!r}"
        elif f.default_factory is not MISSING:
            text += " = <factory>"
        return text
    params = [param(f) for f in std_fields]
    if kw_fields:
        params.append("*")
        params.extend(param(f) for f in kw_fields)
    return f"{cls.__name__}({', '.join(params)})"


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for base in cls.__mro__[1:-1]:
        s = base.__dict__.get("__slots__", ())
        inherited_slots.update((s,) if isinstance(s, str) else s)
    cls_dict["__slots__"] = tuple(n for n in field_names if n not in inherited_slots) + (
        ("__weakref__",) if weakref_slot else ())
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Adds generated special methods to a class from its annotated fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in definition order."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _convert(obj, from_pairs):
    """A deep copy of obj in which every dataclass instance becomes
    from_pairs([(field name, converted value), ...])."""
    if _is_dataclass_instance(obj):
        return from_pairs([(f.name, _convert(getattr(obj, f.name), from_pairs))
                           for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        # A namedtuple's constructor takes the items as arguments.
        return type(obj)(*[_convert(item, from_pairs) for item in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(item, from_pairs) for item in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, from_pairs), _convert(v, from_pairs))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, lambda pairs: tuple_factory([value for _, value in pairs]))


def _field_spec(item):
    # make_dataclass's field items: name, (name, type) or (name, type, Field).
    if isinstance(item, str):
        return item, "typing.Any", MISSING
    if len(item) == 2:
        return (*item, MISSING)
    if len(item) == 3:
        return tuple(item)
    raise TypeError(f"Invalid field: {item!r}")


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    """Creates a dataclass named cls_name from (name[, type[, Field]]) items."""
    annotations = {}
    ns = dict(namespace or {})
    for item in fields:
        name, tp, spec = _field_spec(item)
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if name in annotations:
            raise TypeError(f"Field name duplicated: {name!r}")
        annotations[name] = tp
        if spec is not MISSING:
            ns[name] = spec
    ns["__annotations__"] = annotations
    # CPython 3.11 creates the class from inside types.new_class, which is
    # where its __module__ comes from.
    ns.setdefault("__module__", "types")
    cls = types.new_class(cls_name, bases, {}, lambda d: d.update(ns))
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with the given fields replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        given = f.name in changes
        if not f.init:
            # __init__ cannot take it, so replace() cannot either.
            if given:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot "
                                 f"be specified with replace()")
        elif not given:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
