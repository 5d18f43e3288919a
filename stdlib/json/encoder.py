"""The JSON encoder."""

__all__ = ["JSONEncoder"]

INFINITY = float("inf")

_ESCAPE_DCT = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f",
               "\n": "\\n", "\r": "\\r", "\t": "\\t"}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), "\\u{0:04x}".format(_i))
del _i


def py_encode_basestring(s):
    """The JSON string literal of s, non-ASCII characters kept as they are."""
    if s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    get = _ESCAPE_DCT.get
    return '"' + "".join([get(c, c) for c in s]) + '"'


encode_basestring = py_encode_basestring


def py_encode_basestring_ascii(s):
    """The JSON string literal of s in ASCII: other characters as \\uXXXX."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = []
    append = out.append
    for c in s:
        if " " <= c <= "~":
            if c == '"':
                append('\\"')
            elif c == "\\":
                append("\\\\")
            else:
                append(c)
            continue
        e = _ESCAPE_DCT.get(c)
        if e is not None:
            append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            append("\\u{0:04x}".format(n))
        else:
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            append("\\u{0:04x}\\u{1:04x}".format(s1, s2))
    return '"' + "".join(out) + '"'


encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes Python values as JSON: dict, list, tuple, str, int, float,
    True, False, None; override `default` to support other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for values of other types: return something encodable or raise."""
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        """Returns the JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Returns the JSON text of o as an iterator of chunks."""
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = "NaN"
            elif o == INFINITY:
                text = "Infinity"
            elif o == -INFINITY:
                text = "-Infinity"
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant")
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        chunks = []
        _make_encoder(markers, self.default, _encoder, indent, floatstr,
                      self.key_separator, self.item_separator, self.sort_keys,
                      self.skipkeys, chunks.append)(o, 0)
        return iter(chunks)


def _make_encoder(markers, _default, _encoder, _indent, _floatstr, _key_separator,
                  _item_separator, _sort_keys, _skipkeys, append):
    """The recursive encoder: a function (value, depth) that passes the JSON
    text to `append` in pieces."""
    int_text = int.__repr__

    def enter(container):
        # `markers` holds the ids of the containers being encoded; meeting
        # one again means the structure contains itself.
        if markers is not None:
            if id(container) in markers:
                raise ValueError("Circular reference detected")
            markers[id(container)] = container

    def leave(container):
        if markers is not None:
            del markers[id(container)]

    def open_bracket(bracket, depth):
        # Returns the separator between members at this depth.
        if _indent is None:
            append(bracket)
            return _item_separator
        newline = "\n" + _indent * depth
        append(bracket + newline)
        return _item_separator + newline

    def close_bracket(bracket, depth):
        if _indent is not None:
            append("\n" + _indent * depth)
        append(bracket)

    def key_text(key):
        # JSON keys are strings: scalars are converted, anything else is an
        # error unless skipkeys (then None: leave the member out).
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key)
        if key is True or key is False or key is None:
            return _CONSTANTS[key]
        if isinstance(key, int):
            return int_text(key)
        if _skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, "
                        f"not {key.__class__.__name__}")

    def encode_array(array, depth):
        if not array:
            append("[]")
            return
        enter(array)
        separator = open_bracket("[", depth + 1)
        for position, value in enumerate(array):
            if position:
                append(separator)
            encode(value, depth + 1)
        close_bracket("]", depth)
        leave(array)

    def encode_object(mapping, depth):
        if not mapping:
            append("{}")
            return
        enter(mapping)
        separator = open_bracket("{", depth + 1)
        pending = None  # no separator before the first member
        for key, value in sorted(mapping.items()) if _sort_keys else mapping.items():
            name = key_text(key)
            if name is None:
                continue
            if pending is not None:
                append(pending)
            pending = separator
            append(_encoder(name))
            append(_key_separator)
            encode(value, depth + 1)
        close_bracket("}", depth)
        leave(mapping)

    def encode(value, depth):
        if isinstance(value, str):
            append(_encoder(value))
        elif value is None or value is True or value is False:
            append(_CONSTANTS[value])
        elif isinstance(value, int):
            append(int_text(value))
        elif isinstance(value, float):
            append(_floatstr(value))
        elif isinstance(value, (list, tuple)):
            encode_array(value, depth)
        elif isinstance(value, dict):
            encode_object(value, depth)
        else:
            # default() turns the value into something encodable, or raises.
            enter(value)
            encode(_default(value), depth)
            leave(value)

    return encode


_CONSTANTS = {None: "null", True: "true", False: "false"}
