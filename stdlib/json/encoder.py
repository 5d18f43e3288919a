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
    _intstr = int.__repr__

    def enc_list(lst, level):
        if not lst:
            append("[]")
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        if _indent is not None:
            level += 1
            newline_indent = "\n" + _indent * level
            separator = _item_separator + newline_indent
            append("[" + newline_indent)
        else:
            newline_indent = None
            separator = _item_separator
            append("[")
        first = True
        for value in lst:
            if first:
                first = False
            else:
                append(separator)
            enc(value, level)
        if newline_indent is not None:
            level -= 1
            append("\n" + _indent * level)
        append("]")
        if markers is not None:
            del markers[markerid]

    def enc_dict(dct, level):
        if not dct:
            append("{}")
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        if _indent is not None:
            level += 1
            newline_indent = "\n" + _indent * level
            item_separator = _item_separator + newline_indent
            append("{" + newline_indent)
        else:
            newline_indent = None
            item_separator = _item_separator
            append("{")
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = "true"
            elif key is False:
                key = "false"
            elif key is None:
                key = "null"
            elif isinstance(key, int):
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, "
                                f"not {key.__class__.__name__}")
            if first:
                first = False
            else:
                append(item_separator)
            append(_encoder(key))
            append(_key_separator)
            enc(value, level)
        if newline_indent is not None:
            level -= 1
            append("\n" + _indent * level)
        append("}")
        if markers is not None:
            del markers[markerid]

    def enc(o, level):
        if isinstance(o, str):
            append(_encoder(o))
        elif o is None:
            append("null")
        elif o is True:
            append("true")
        elif o is False:
            append("false")
        elif isinstance(o, int):
            append(_intstr(o))
        elif isinstance(o, float):
            append(_floatstr(o))
        elif isinstance(o, (list, tuple)):
            enc_list(o, level)
        elif isinstance(o, dict):
            enc_dict(o, level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            enc(_default(o), level)
            if markers is not None:
                del markers[markerid]

    return enc
