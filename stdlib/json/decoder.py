"""The JSON decoder: a recursive-descent parser over str indices."""

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

_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f",
              "n": "\n", "r": "\r", "t": "\t"}

_WS = " \t\n\r"
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"


def _decode_uXXXX(s, pos):
    # pos is the index of the 'u'
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Scans the JSON string starting after the quote at s[end - 1].
    Returns (str, index after the closing quote)."""
    begin = end - 1
    find = s.find
    n = len(s)
    chunks = []
    append = chunks.append
    while True:
        q = find('"', end)
        if q < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        b = find("\\", end, q)
        stop = q if b < 0 else b
        if stop > end:
            chunk = s[end:stop]
            if strict and not chunk.isprintable():
                for i, c in enumerate(chunk):
                    if c < " ":
                        raise JSONDecodeError("Invalid control character at", s, end + i)
            append(chunk)
        if b < 0:
            if not chunks:
                return "", q + 1
            if len(chunks) == 1:
                return chunks[0], q + 1
            return "".join(chunks), q + 1
        # An escape at b.
        end = b + 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != "u":
            try:
                append(_BACKSLASH[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, b) from None
            end += 1
            continue
        uni = _decode_uXXXX(s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == "\\u":
            uni2 = _decode_uXXXX(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))


def _make_scanner(context):
    strict = context.strict
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    float_default = parse_float is float
    int_default = parse_int is int
    memo = {}
    WS = _WS
    DIGITS = _DIGITS

    def parse_number(s, idx, n):
        # Returns (value, end) or None when no number starts at idx.
        start = idx
        if s[idx] == "-":
            idx += 1
            if idx >= n:
                return None
        c = s[idx]
        if c == "0":
            idx += 1
        elif "1" <= c <= "9":
            idx += 1
            while idx < n and s[idx] in DIGITS:
                idx += 1
        else:
            return None
        is_float = False
        if idx + 1 < n and s[idx] == "." and s[idx + 1] in DIGITS:
            idx += 2
            while idx < n and s[idx] in DIGITS:
                idx += 1
            is_float = True
        if idx < n and s[idx] in "eE":
            j = idx + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in DIGITS:
                j += 1
                while j < n and s[j] in DIGITS:
                    j += 1
                idx = j
                is_float = True
        text = s[start:idx]
        if is_float:
            return (float(text) if float_default else parse_float(text)), idx
        return (int(text) if int_default else parse_int(text)), idx

    def parse_object(s, idx, n):
        # idx is just after '{'
        pairs = []
        append = pairs.append
        while idx < n and s[idx] in WS:
            idx += 1
        if idx < n and s[idx] == "}":
            idx += 1
        else:
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = scanstring(s, idx + 1, strict)
                key = memo.setdefault(key, key)
                if idx < n and s[idx] != ":":
                    while idx < n and s[idx] in WS:
                        idx += 1
                if idx >= n or s[idx] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
                value, idx = scan(s, idx, n)
                append((key, value))
                while idx < n and s[idx] in WS:
                    idx += 1
                if idx < n and s[idx] == "}":
                    idx += 1
                    break
                if idx >= n or s[idx] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), idx
        obj = dict(pairs)
        if object_hook is not None:
            obj = object_hook(obj)
        return obj, idx

    def parse_array(s, idx, n):
        # idx is just after '['
        values = []
        append = values.append
        while idx < n and s[idx] in WS:
            idx += 1
        if idx < n and s[idx] == "]":
            return values, idx + 1
        while True:
            value, idx = scan(s, idx, n)
            append(value)
            while idx < n and s[idx] in WS:
                idx += 1
            if idx < n and s[idx] == "]":
                return values, idx + 1
            if idx >= n or s[idx] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            idx += 1
            while idx < n and s[idx] in WS:
                idx += 1

    def scan(s, idx, n):
        if idx >= n:
            raise JSONDecodeError("Expecting value", s, idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, strict)
        if c == "{":
            return parse_object(s, idx + 1, n)
        if c == "[":
            return parse_array(s, idx + 1, n)
        if c == "n" and s.startswith("null", idx):
            return None, idx + 4
        if c == "t" and s.startswith("true", idx):
            return True, idx + 4
        if c == "f" and s.startswith("false", idx):
            return False, idx + 5
        if c in "-0123456789":
            r = parse_number(s, idx, n)
            if r is not None:
                return r
            if s.startswith("-Infinity", idx):
                return parse_constant("-Infinity"), idx + 9
        elif c == "N" and s.startswith("NaN", idx):
            return parse_constant("NaN"), idx + 3
        elif c == "I" and s.startswith("Infinity", idx):
            return parse_constant("Infinity"), idx + 8
        raise JSONDecodeError("Expecting value", s, idx)

    def scan_once(s, idx):
        try:
            return scan(s, idx, len(s))
        finally:
            memo.clear()

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
        n = len(s)
        idx = 0
        while idx < n and s[idx] in _WS:
            idx += 1
        obj, end = self.raw_decode(s, idx)
        while end < n and s[end] in _WS:
            end += 1
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes one JSON value starting at s[idx]: returns (value, end)."""
        return self.scan_once(s, idx)
