"""The JSON decoder: JSONDecoder and JSONDecodeError, over the native
scanner in _json."""

import _json

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")


class JSONDecodeError(ValueError):
    """ValueError subclass with the position of a JSON syntax error.

    msg: the unformatted message; doc: the document; pos: the index in doc;
    lineno, colno: the line and column of pos (1-based)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}


def scanstring(s, end, strict=True):
    """Scans the JSON string starting after the quote at s[end - 1].
    Returns (str, index after the closing quote)."""
    return _json.scanstring(s, end, strict, JSONDecodeError)


def _make_scanner(context):
    # The decoder's options are read once, when the decoder is made.
    options = (JSONDecodeError, context.strict, context.object_hook,
               context.object_pairs_hook, context.parse_float, context.parse_int,
               context.parse_constant)
    scan = _json.scan_once

    def scan_once(s, idx):
        return scan(s, idx, *options)

    return scan_once


class JSONDecoder:
    """Decodes JSON text: objects to dicts, arrays to lists, strings to str,
    numbers to int/float, true/false/null to True/False/None."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _make_scanner(self)

    def decode(self, s):
        """Returns the Python value of the JSON document `s`."""
        obj, end = self.raw_decode(s, _json.skip_whitespace(s, 0))
        end = _json.skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes one JSON value starting at s[idx]: returns (value, end)."""
        try:
            return self.scan_once(s, idx)
        except StopIteration as no_value:
            raise JSONDecodeError("Expecting value", s, no_value.value) from None
