"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique."""

import builtins as _builtins
import sys
import types

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "property", "verify", "member", "nonmember",
           "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP", "global_enum",
           "show_flag_values", "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE"]

Enum = Flag = EJECT = ReprEnum = None
_property = property


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")
            or isinstance(obj, (types.FunctionType, classmethod, staticmethod, _property)))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == "_"
            and name[1:2] != "_" and name[-2:-1] != "_")


def _is_private(cls_name, name):
    pattern = f"_{cls_name.lstrip('_')}__"
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


def _high_bit(value):
    return value.bit_length() - 1


def _iter_bits_lsb(num):
    if num < 0:
        # A negative number has infinitely many bits set.
        raise ValueError(f"{num!r} is not a positive integer")
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Like the builtin bin(), in two's complement, with a space after the sign bit."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtins.bin(num + ceiling).replace("1", "0", 1)
    else:
        s = _builtins.bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return f"{sign} {digits}"


class _auto_null:
    def __repr__(self):
        return "_auto_null"


_auto_null = _auto_null()


class auto:
    """auto(): the value is generated (by default: 1, 2, 3, ...)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


class member:
    """Forces an item to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an item from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(types.DynamicClassAttribute):
    """A property for enum members (name, value) that also works on the class."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError):
                raise AttributeError(f"{ownerclass!r} has no attribute {self.name!r}")
        if self.fget is None:
            raise AttributeError(f"{ownerclass!r} member has no attribute {self.name!r}")
        return self.fget(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name


class FlagBoundary:
    pass


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"


def _auto_valued(member_names, start, next_value):
    # (name, value) pairs for the functional API given names only: the
    # values come from _generate_next_value_, as auto() values do.
    pairs, values = [], []
    for count, name in enumerate(member_names):
        value = next_value(name, start, count, values[:])
        values.append(value)
        pairs.append((name, value))
    return pairs


def _data_type_of(chain):
    """The data type an enum's base brings in: a builtin such as int or str,
    a class with its own __new__ or __init__ (or the first plain mixin in
    front of it), or the data type of an enum; None if there is none."""
    mixin = None
    for base in chain.__mro__:
        if base is object:
            continue
        if isinstance(base, EnumType):
            if base._member_type_ is not object:
                return base._member_type_
        elif (base in (int, str, float, bytes, tuple, complex)
              or "__new__" in base.__dict__ or "__init__" in base.__dict__):
            return mixin or base
        elif mixin is None:
            mixin = base
    return None


class _EnumNamespace(dict):
    """A class body's namespace: an auto() member gets its value as soon as
    it is bound (so later lines can combine members), and a member name
    cannot be bound twice."""

    def __init__(self, cls_name, gnv):
        super().__init__()
        self._cls_name = cls_name
        self._gnv = gnv
        self._member_values = {}

    def _is_member(self, key, value):
        return not (_is_dunder(key) or _is_sunder(key) or _is_private(self._cls_name, key)
                    or _is_descriptor(value) or isinstance(value, nonmember))

    def __setitem__(self, key, value):
        if key in self._member_values:
            raise TypeError(f"{key!r} already defined as {self._member_values[key]!r}")
        if key == "_generate_next_value_":
            self._gnv = value.__func__ if isinstance(value, staticmethod) else value
        elif self._is_member(key, value):
            if isinstance(value, auto) and value.value is _auto_null and self._gnv is not None:
                values = list(self._member_values.values())
                value = self._gnv(key, 1, len(values), values)
            self._member_values[key] = value.value if isinstance(value, (auto, member)) else value
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass of Enum: turns the class body's plain attributes into members."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        gnv = None
        for base in bases:
            gnv = getattr(base, "_generate_next_value_", None)
            if gnv is not None:
                break
        return _EnumNamespace(cls, gnv)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        classdict = dict(classdict)
        ignore = classdict.pop("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for key in ignore:
            classdict.pop(key, None)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        # The members: the plain attributes, in definition order.
        member_names = []
        for key, value in list(classdict.items()):
            if isinstance(value, nonmember):
                classdict[key] = value.value
                continue
            if isinstance(value, member):
                classdict[key] = value = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                  or _is_descriptor(value)):
                continue
            member_names.append(key)
        # auto() values, in order.
        gnv = classdict.get("_generate_next_value_")
        if gnv is None:
            for base in bases:
                gnv = getattr(base, "_generate_next_value_", None)
                if gnv is not None:
                    break
        if isinstance(gnv, staticmethod):
            gnv = gnv.__func__
        last_values = []
        for key in member_names:
            value = classdict[key]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(key, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(
                    (gnv(key, 1, len(last_values), last_values[:]) if v.value is _auto_null
                     else v.value) if isinstance(v, auto) else v for v in value)
            classdict[key] = value
            last_values.append(value)
        members = {k: classdict.pop(k) for k in member_names}
        if "_order_" in classdict:
            classdict.pop("_order_")
        __new__, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)
        classdict["_new_member_"] = __new__
        classdict["_use_args_"] = use_args
        classdict["_member_names_"] = []
        classdict["_member_map_"] = {}
        classdict["_value2member_map_"] = {}
        classdict["_unhashable_values_"] = []
        classdict["_member_type_"] = member_type
        classdict["_value_repr_"] = metacls._find_data_repr_(cls, bases)
        if Flag is not None and any(issubclass(b, Flag) for b in bases if isinstance(b, type)):
            if boundary is None:
                boundary = next((getattr(b, "_boundary_", None) for b in bases
                                 if getattr(b, "_boundary_", None) is not None), STRICT)
            classdict["_boundary_"] = boundary
            classdict["_flag_mask_"] = 0
            classdict["_singles_mask_"] = 0
            classdict["_all_bits_"] = 0
            classdict["_inverted_"] = None
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        for name, value in members.items():
            enum_class._add_member_(name, value)
        if Flag is not None and issubclass(enum_class, Flag):
            single_bits = multi_bits = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if isinstance(v, int):
                    if _is_single_bit(v):
                        single_bits |= v
                    else:
                        multi_bits |= v
            type.__setattr__(enum_class, "_flag_mask_", single_bits | multi_bits)
            type.__setattr__(enum_class, "_singles_mask_", single_bits)
            all_bits = 2 ** ((single_bits | multi_bits).bit_length()) - 1
            type.__setattr__(enum_class, "_all_bits_", all_bits)
            member_list = [m._value_ for m in enum_class]
            if member_list != sorted(member_list):
                type.__setattr__(enum_class, "_iter_member_", enum_class._iter_member_by_def_)
        # ReprEnum subclasses print as their data type; otherwise a data
        # type's repr/str/format must not hide the enum's.
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError("ReprEnum subclasses must be mixed with a data type "
                                "(i.e. int, str, float, etc.)")
            if "__format__" not in classdict:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
                classdict["__format__"] = member_type.__format__
            if "__str__" not in classdict:
                method = member_type.__dict__.get("__str__")
                if method is None:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
                classdict["__str__"] = method
        if Enum is not None:
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in classdict:
                    continue
                owner = next((k for k in enum_class.__mro__ if name in k.__dict__), object)
                if not isinstance(owner, EnumType):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        if Enum is not None:
            if save_new:
                type.__setattr__(enum_class, "__new_member__", __new__)
            type.__setattr__(enum_class, "__new__", Enum.__dict__["__new__"])
        return enum_class

    def _add_member_(cls, member_name, value):
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        member_type = cls._member_type_
        if member_type is tuple:
            args = (args,)
        new = cls._new_member_
        if not cls._use_args_:
            enum_member = new(cls)
        else:
            enum_member = new(cls, *args)
        if not hasattr(enum_member, "_value_"):
            if member_type is object or not cls._use_args_:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = member_name
        enum_member.__objclass__ = cls
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(cls._member_names_)
        for name, canonical in cls._member_map_.items():
            if canonical._value_ == value:
                enum_member = canonical
                break
        else:
            # A flag's multi-bit and zero members are aliases: not iterated.
            is_flag = Flag is not None and issubclass(cls, Flag)
            if not is_flag or (isinstance(value, int) and _is_single_bit(value)):
                cls._member_names_.append(member_name)
        if member_name not in cls.__dict__ or not isinstance(cls.__dict__[member_name], property):
            type.__setattr__(cls, member_name, enum_member)
        cls._member_map_[member_name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        """Enum(value) looks a member up; Enum('Name', 'A B') creates an enum."""
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, member):
        if isinstance(member, Enum):
            return isinstance(member, cls) and member._name_ in cls._member_map_
        raise TypeError(f"unsupported operand type(s) for 'in': "
                        f"'{type(member).__qualname__}' and '{cls.__class__.__qualname__}'")

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set(["__class__", "__contains__", "__doc__", "__getitem__",
                           "__iter__", "__len__", "__members__", "__module__", "__name__",
                           "__qualname__"] + cls._member_names_)
        return sorted(interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_property
    def __members__(cls):
        try:
            return types.MappingProxyType(cls._member_map_)
        except TypeError:
            return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            names = _auto_valued(names, start, first_enum._generate_next_value_)
        # names: (name, value) pairs, or a mapping of names to values.
        classdict = {}
        for item in names:
            name, value = (item, names[item]) if isinstance(item, str) else item
            classdict[name] = value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                module = "__main__"
        classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases:
            return object, Enum
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {class_name!r}> cannot extend {base!r}")
        member_type = metacls._find_data_type_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        return member_type or object, first_enum

    @classmethod
    def _find_data_repr_(metacls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if "__repr__" in base.__dict__:
                    return base.__dict__["__repr__"]
        return None

    @classmethod
    def _find_data_type_(metacls, class_name, bases):
        found = {_data_type_of(chain) for chain in bases} - {None}
        if len(found) > 1:
            raise TypeError(f"too many data types for {class_name!r}: {found!r}")
        return found.pop() if found else None

    @classmethod
    def _find_new_(metacls, classdict, member_type, first_enum):
        __new__ = classdict.get("__new__", None)
        if isinstance(__new__, staticmethod):
            __new__ = __new__.__func__
        save_new = first_enum is not None and __new__ is not None
        if __new__ is None:
            for possible in (first_enum,):
                if possible is None:
                    continue
                target = possible.__dict__.get("__new_member__")
                if target is None:
                    for b in possible.__mro__:
                        target = b.__dict__.get("__new_member__")
                        if target is not None:
                            break
                if target is not None:
                    __new__ = target
                    break
            else:
                __new__ = None
            if __new__ is None:
                if member_type is object:
                    return object.__new__, False, False
                __new__ = member_type.__new__
        return __new__, save_new, True


EnumMeta = EnumType


def _member_with_value(cls, value):
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        # An unhashable value can still equal a member's value.
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        return None


class Enum(metaclass=EnumType):
    """Base class of enumerations: class Color(Enum): RED = 1"""

    def __new__(cls, value):
        # Enum lookup by value: Color(1).  Members themselves were created
        # by the metaclass with the member type's __new__.
        if type(value) is cls:
            return value
        member = _member_with_value(cls, value)
        if member is not None:
            return member
        try:
            result = cls._missing_(value)
            failure = None
        except Exception as exc:
            result, failure = None, exc
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag)
                and cls._boundary_ is EJECT and isinstance(result, int)):
            return result
        invalid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if failure is None:
            if result is None:
                raise invalid
            failure = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} "
                                f"instead of None or a valid member")
        if not isinstance(failure, ValueError):
            failure.__context__ = invalid
        raise failure

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The value of an auto() member: one more than the largest value so
        far (or than the latest one that allows + 1), else start."""
        try:
            last_values.sort()  # a copy, made by the caller
        except TypeError:
            pass  # unorderable values: go by definition order
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return f"<{self.__class__.__name__}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __dir__(self):
        return sorted(set(["__class__", "__doc__", "__eq__", "__hash__", "__module__",
                           "name", "value"]
                          + [m for cls in self.__class__.mro() for m in cls.__dict__
                             if m[0] != "_" and m not in self._member_map_]))

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _within_boundary(cls, value):
    # What STRICT, CONFORM and KEEP make of a value with bits outside the flags.
    boundary = cls._boundary_
    flag_mask = cls._flag_mask_
    if boundary is STRICT:
        width = max(value.bit_length(), flag_mask.bit_length())
        raise ValueError(f"{cls!r} invalid value {value!r}\n"
                         f"    given {bin(value, width)}\n"
                         f"  allowed {bin(flag_mask, width)}")
    if boundary is CONFORM:
        return value & flag_mask
    if boundary is KEEP and value < 0:
        return max(cls._all_bits_ + 1, 2 ** value.bit_length()) + value
    return value


def _pseudo_member(cls, value):
    """A member for a combination of flags, named after them ("R|W"), or
    nameless when no flag is set."""
    if cls._member_type_ is object:
        pseudo = object.__new__(cls)
    else:
        pseudo = cls._member_type_.__new__(cls, value)
    if not hasattr(pseudo, "_value_"):
        pseudo._value_ = value
    singles = value & cls._singles_mask_
    multi = value & ~cls._singles_mask_  # bits only multi-bit members cover
    parts = list(cls._iter_member_(singles)) if singles or multi else []
    if multi:
        wanted = singles | multi
        for candidate in cls._member_map_.values():
            bits = candidate._value_
            if candidate not in parts and bits and bits & wanted == bits:
                parts.append(candidate)
    covered = 0
    for part in parts:
        covered |= part._value_
    rest = value ^ covered
    if not covered:
        pseudo._name_ = None
    elif rest and cls._boundary_ is STRICT:
        raise ValueError(f"{cls.__qualname__}: no members with value {rest!r}")
    else:
        pseudo._name_ = "|".join(part._name_ for part in parts)
        if rest:
            pseudo._name_ += f"|{cls._numeric_repr_(rest)}"
    return pseudo


class Flag(Enum, boundary=STRICT):
    """An enum whose members combine with | & ^ ~ into flags."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() flags take the next power of two above every value so far."""
        if count == 0:
            return 1 if start is None else start
        largest = max(last_values)
        try:
            top = _high_bit(largest)
        except Exception:
            raise TypeError(f"invalid flag value {largest!r}") from None
        return 2 ** (top + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        # A value that is no member's: a combination of flags, made into a
        # pseudo-member (cached), or a value outside the flags, which the
        # boundary decides about.
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        all_bits = cls._all_bits_
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ cls._flag_mask_):
            if cls._boundary_ is EJECT:
                return value  # a plain int
            value = _within_boundary(cls, value)
        negative = None
        if value < 0:
            # ~flags: the complement within the flag's bits.
            negative, value = value, all_bits + 1 + value
        pseudo = cls._value2member_map_.setdefault(value, _pseudo_member(cls, value))
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if isinstance(other, self.__class__):
            return other._value_ & self._value_ == other._value_
        raise TypeError(f"unsupported operand type(s) for 'in': "
                        f"{type(other).__qualname__!r} and {self.__class__.__qualname__!r}")

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return sum(1 for _ in self._iter_member_(self._value_))

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return f"<{cls_name}: {v_repr(self._value_)}>"
        return f"<{cls_name}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inverted = self.__class__(~self._value_)
            else:
                inverted = self.__class__(self._singles_mask_ & ~self._value_)
            self._inverted_ = inverted
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints."""

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def __invert__(self):
        if self._inverted_ is None:
            self._inverted_ = self.__class__(~self._value_)
        return self._inverted_


def unique(enumeration):
    """Class decorator that rejects aliases (members with equal values)."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join([f"{alias} -> {name}" for (alias, name) in duplicates])
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration


class EnumCheck:
    pass


CONTINUOUS, NAMED_FLAGS, UNIQUE = "no skipped integer values", "multi-flag aliases may not contain unnamed flags", "one name per value"


class verify:
    """Class decorator checking constraints (UNIQUE, CONTINUOUS, NAMED_FLAGS)."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        if UNIQUE in self.checks:
            unique(enumeration)
        return enumeration


def global_enum(cls, update_str=False):
    """Puts the members into the module's namespace."""
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    def convert_class(cls):
        return etype(cls.__name__, [(k, v) for k, v in cls.__dict__.items()
                                    if not k.startswith("_")])
    return convert_class
