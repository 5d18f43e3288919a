"""Reading and writing comma-separated values, with the dialects, quoting
modes and error messages of CPython 3.11's _csv."""

import re
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "excel", "excel_tab", "field_size_limit",
           "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "Sniffer", "unregister_dialect", "DictReader",
           "DictWriter", "unix_dialect", "__version__"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


Error.__module__ = '_csv'

_dialects = {}
_field_limit = 128 * 1024


def field_size_limit(*args):
    """Returns the old limit; sets a new one when given."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


_ATTRIBUTES = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
               'quotechar', 'quoting', 'skipinitialspace', 'strict')


def _one_char(name, value, allow_none):
    if value is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Settings:
    """A checked, immutable set of dialect parameters (CPython's
    _csv.Dialect)."""

    __slots__ = _ATTRIBUTES

    def __init__(self, dialect=None, **overrides):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        values = {}
        explicit_quoting = 'quoting' in overrides
        for name in _ATTRIBUTES:
            if name in overrides:
                values[name] = overrides.pop(name)
            elif dialect is not None and hasattr(dialect, name):
                values[name] = getattr(dialect, name)
        if overrides:
            name = next(iter(overrides))
            raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        delimiter = values.get('delimiter', ',')
        if not isinstance(delimiter, str):
            raise TypeError('"delimiter" must be string, not %s' % type(delimiter).__name__)
        if len(delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        quotechar = values.get('quotechar', '"')
        # An explicit quotechar=None without a quoting mode turns quoting off.
        quoting = values.get('quoting', QUOTE_MINIMAL)
        if quotechar is None and not explicit_quoting:
            quoting = QUOTE_NONE
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if quotechar is None:
            if quoting != QUOTE_NONE:
                raise TypeError('quotechar must be set if quoting enabled')
        else:
            quotechar = _one_char('quotechar', quotechar, True)
        escapechar = _one_char('escapechar', values.get('escapechar'), True)
        lineterminator = values.get('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        set_ = object.__setattr__
        set_(self, 'delimiter', delimiter)
        set_(self, 'doublequote', bool(values.get('doublequote', True)))
        set_(self, 'escapechar', escapechar)
        set_(self, 'lineterminator', lineterminator)
        set_(self, 'quotechar', quotechar)
        set_(self, 'quoting', quoting)
        set_(self, 'skipinitialspace', bool(values.get('skipinitialspace', False)))
        set_(self, 'strict', bool(values.get('strict', False)))

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)


class Dialect:
    """Describes a CSV dialect; subclass it and set the attributes."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        # Checked on creation: a bad subclass fails here, not when used.
        self._valid = type(self) is not Dialect
        try:
            _Settings(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Settings(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)


# ----- reading -----

# Parser states.
_START_RECORD, _START_FIELD, _IN_FIELD, _IN_QUOTED, _ESCAPE, _ESCAPE_QUOTED, \
    _QUOTE_IN_QUOTED, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(9)


class _Reader:
    """Iterates over the rows of an iterable of lines."""

    def __init__(self, lines, dialect, fmtparams):
        self._lines = iter(lines)
        self.dialect = _Settings(dialect, **fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                # A field still open at the end of the input ends the record.
                if self._field or self._state == _IN_QUOTED:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._step(c)
            self._step(None)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _save_field(self):
        text = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            text = float(text)
        self._fields.append(text)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def _end_field(self, c):
        """A field ends at a newline or the end of a line."""
        self._save_field()
        self._state = _START_RECORD if c is None else _EAT_CRNL

    def _step(self, c):
        """Feeds one character (None: the end of a line) to the parser."""
        d = self.dialect
        state = self._state
        newline = c is None or c == '\n' or c == '\r'
        if state == _START_RECORD:
            if c is None:
                return
            if newline:
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _AFTER_ESCAPED_CRNL:
            if c is None:
                return
            state = self._state = _IN_FIELD
        if state == _START_FIELD:
            if newline:
                self._end_field(c)
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED
            elif c == d.escapechar:
                self._state = _ESCAPE
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _ESCAPE:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char('\n' if c is None else c)
            self._state = _IN_FIELD
        elif state == _IN_FIELD:
            if newline:
                self._end_field(c)
            elif c == d.escapechar:
                self._state = _ESCAPE
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
        elif state == _IN_QUOTED:
            if c is None:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_QUOTED
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_QUOTED:
            self._add_char('\n' if c is None else c)
            self._state = _IN_QUOTED
        elif state == _QUOTE_IN_QUOTED:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif newline:
                self._end_field(c)
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c is None:
                self._state = _START_RECORD
            elif not newline:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file in universal-newline mode?")


_Reader.__name__ = _Reader.__qualname__ = 'reader'
_Reader.__module__ = '_csv'


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


# ----- writing -----

class _Writer:
    def __init__(self, fileobj, dialect, fmtparams):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _Settings(dialect, **fmtparams)

    def _quoted(self, field, quoted):
        """field with its special characters escaped or doubled, and in
        quotes when it needs them (or `quoted` says so)."""
        d = self.dialect
        out = []
        for c in field:
            if c == d.delimiter or c == d.escapechar or c == d.quotechar or c in d.lineterminator:
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not escape:
                        quoted = True
                if escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
            out.append(c)
        text = ''.join(out)
        if quoted:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        d = self.dialect
        try:
            items = list(iter(row))
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        parts = []
        for field in items:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = d.quoting == QUOTE_ALL
            text = '' if field is None else field if isinstance(field, str) else str(field)
            parts.append(self._quoted(text, quoted))
        if len(parts) == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def _is_number(value):
    kind = type(value)
    return (isinstance(value, complex) or hasattr(kind, '__index__')
            or hasattr(kind, '__float__') or hasattr(kind, '__int__'))


_Writer.__name__ = _Writer.__qualname__ = 'writer'
_Writer.__module__ = '_csv'


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


# ----- dictionaries -----

class DictReader:
    """Reads rows as dicts keyed by the first row (or `fieldnames`)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.restkey = restkey
        self.restval = restval
        self._fieldnames = fieldnames
        self.line_num = 0

    @property
    def fieldnames(self):
        # Read lazily: the header is the first row, if any.
        if self._fieldnames is None:
            self._fieldnames = next(self.reader, None)
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __iter__(self):
        return self

    def __next__(self):
        if not self.line_num:
            self.fieldnames
        row = []
        while not row:
            row = next(self.reader)
        self.line_num = self.reader.line_num
        keys = self.fieldnames
        record = dict(zip(keys, row))
        extra = len(row) - len(keys)
        if extra > 0:
            record[self.restkey] = row[len(keys):]
        elif extra < 0:
            for key in keys[len(row):]:
                record[key] = self.restval
        return record


class DictWriter:
    """Writes dicts as rows in the order of `fieldnames`."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writer.writerow(dict(zip(self.fieldnames, self.fieldnames)).values())

    def _row(self, rowdict):
        if self.extrasaction == "raise":
            extra = rowdict.keys() - self.fieldnames
            if extra:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in extra]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._row, rowdicts))


class Sniffer:
    """Guesses the dialect of a sample, and whether it has a header."""

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        quotechar, doublequote, delimiter, skipinitialspace = self._guess_quotes(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")
        return type('dialect', (Dialect,), {
            '_name': 'sniffed', 'lineterminator': '\r\n', 'quoting': QUOTE_MINIMAL,
            'doublequote': doublequote, 'delimiter': delimiter,
            'quotechar': quotechar or '"', 'skipinitialspace': skipinitialspace})

    def _guess_quotes(self, data, delimiters):
        counts = {}
        delims = {}
        spaces = 0
        found = False
        pattern = re.compile(r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?=(?P=delim)|\n|$)', re.DOTALL | re.MULTILINE)
        for m in pattern.finditer(data):
            found = True
            quote = m.group('quote')
            counts[quote] = counts.get(quote, 0) + 1
            delim = m.group('delim')
            if delimiters is None or delim in delimiters:
                delims[delim] = delims.get(delim, 0) + 1
            if m.group('space'):
                spaces += 1
        if not found:
            return '', False, None, False
        quotechar = max(counts, key=counts.get)
        delim = max(delims, key=delims.get) if delims else ''
        skip = delims.get(delim, 0) == spaces if delim else False
        if delim == '\n':
            delim = ''
        double = re.search(r'((%(d)s)|^)\W*%(q)s[^%(d)s\n]*%(q)s%(q)s[^%(d)s\n]*%(q)s\W*((%(d)s)|$)'
                           % {'d': re.escape(delim or ','), 'q': re.escape(quotechar)}, data, re.MULTILINE)
        return quotechar, bool(double), delim, skip

    def _guess_delimiter(self, data, delimiters):
        lines = [line for line in data.split('\n') if line]
        candidates = {}
        for line in lines:
            for c in set(line):
                if c.isalnum() or c in '"\'' or (delimiters is not None and c not in delimiters):
                    continue
                candidates.setdefault(c, []).append(line.count(c))
        consistent = [c for c, freq in candidates.items()
                      if len(freq) == len(lines) and len(set(freq)) == 1 and freq[0] > 0]
        if not consistent:
            return '', False
        for c in self.preferred:
            if c in consistent:
                delim = c
                break
        else:
            delim = consistent[0]
        skip = all(line.count(delim) == line.count(delim + ' ') for line in lines)
        return delim, skip

    def has_header(self, sample):
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        types = {}
        for i in range(columns):
            types[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(types):
                try:
                    float(row[col])
                    kind = float
                except ValueError:
                    kind = len(row[col])
                if kind != types[col]:
                    if types[col] is None:
                        types[col] = kind
                    else:
                        del types[col]
        votes = 0
        for col, kind in types.items():
            if type(kind) == type(0):
                votes += 1 if len(header[col]) != kind else -1
            else:
                try:
                    kind(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
