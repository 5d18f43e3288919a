# Lists what the natives target calls, as expressions valid after
# `natives_setup.py`: builtins, the methods of builtin types (unbound, so
# any receiver can be passed), and the functions of native modules.
import builtins, sys

_SKIPPED = {"open", "input", "breakpoint", "help", "exit", "quit", "copyright", "credits", "license", "sleep"}
_MODULES = [
    "math", "cmath", "string", "re", "struct", "binascii", "_hashlib", "unicodedata",
    "_random", "random", "_bisect", "_heapq", "zlib", "gc", "_weakref", "itertools",
    "functools", "operator", "collections", "json", "time", "sys", "_asyncio", "_inspect",
    "_traceback", "stat", "io", "codecs", "array", "datetime", "decimal", "fractions",
    "copy", "base64", "textwrap", "statistics", "weakref", "enum", "heapq", "bisect",
]
_EXTRA_TYPES = {
    "_T_list_iterator": "type(iter([]))", "_T_str_iterator": "type(iter(''))",
    "_T_dict_keys": "type({}.keys())", "_T_dict_items": "type({}.items())",
    "_T_dict_values": "type({}.values())", "_T_generator": "type((i for i in ()))",
    "_T_function": "type(lambda: 0)", "_T_method": "type([].append)",
    "_T_cell": "type((lambda x: lambda: x)(0).__closure__[0])",
}

def _methods(expr, t):
    out = []
    for name in dir(t):
        if name in _SKIPPED or name in ("__class__", "__subclasshook__"):
            continue
        try:
            if callable(getattr(t, name)):
                out.append(f"{expr}.{name}")
        except BaseException:
            pass
    return out

_callees = []
_imported = []
for _name in dir(builtins):
    if _name.startswith("_") or _name in _SKIPPED:
        continue
    _obj = getattr(builtins, _name)
    if not callable(_obj):
        continue
    _callees.append(_name)
    if isinstance(_obj, type) and (not issubclass(_obj, BaseException) or _obj is BaseException):
        _callees += _methods(_name, _obj)
for _name, _expr in _EXTRA_TYPES.items():
    _callees += _methods(_name, eval(_expr))
for _mod in _MODULES:
    try:
        _m = __import__(_mod)
    except BaseException:
        continue
    _imported.append(_mod)
    for _name in dir(_m):
        if _name.startswith("__") or _name in _SKIPPED:
            continue
        _obj = getattr(_m, _name, None)
        if callable(_obj):
            _callees.append(f"{_mod}.{_name}")

_setup = "".join(f"{k} = {v}\n" for k, v in _EXTRA_TYPES.items())
_imported = "\n".join(_imported)
_callees = "\n".join(_callees)
