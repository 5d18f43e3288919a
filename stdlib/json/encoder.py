"""The JSON encoder: JSONEncoder, over the native encoder in _json."""

import _json

__all__ = ["JSONEncoder"]

INFINITY = float("inf")

# The JSON literal of a str: non-ASCII characters kept, or escaped as \uXXXX.
encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii


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
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Returns the JSON text of o as an iterator of chunks."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        yield _json.encode(o, self.default, indent, self.key_separator,
                           self.item_separator, self.sort_keys, self.skipkeys,
                           self.ensure_ascii, self.allow_nan, self.check_circular)
