"""Formatting and printing of exceptions and their tracebacks.

The report has CPython 3.11's text, except that tulip records no columns,
so lines are never followed by the `~~~^^^` position markers that CPython
adds when the failing expression is only part of its line.
"""

import sys
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
_HEADER = "Traceback (most recent call last):\n"

_MISSING = object()


class FrameSummary:
    """One frame of a traceback: where it was and, when known, its line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals',
                 'end_lineno', 'colno', 'end_colno', '_carets')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = None if locals is None else {k: repr(v) for k, v in locals.items()}
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        # What the interpreter drew under the line of a traceback's frame.
        self._carets = None
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback.getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, index):
        return (self.filename, self.lineno, self.name, self.line)[index]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(
            self.filename, self.lineno, self.name)


def _frame_text(frame):
    text = '  File "{}", line {}, in {}\n'.format(frame.filename, frame.lineno, frame.name)
    line = frame.line
    if line:
        text += '    {}\n'.format(line)
        if frame._carets:
            text += frame._carets + '\n'
    if frame.locals:
        for key, value in sorted(frame.locals.items()):
            text += '    {} = {}\n'.format(key, value)
    return text


class StackSummary(list):
    """A list of FrameSummary objects, ready to be formatted."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        entries = []
        for item in frame_gen:
            if isinstance(item, FrameSummary):
                entries.append(item)
                continue
            frame, lineno = item
            code = frame.f_code
            entries.append(FrameSummary(
                code.co_filename, lineno, code.co_name, lookup_line=False,
                locals=frame.f_locals if capture_locals else None))
        entries = _limited(entries, limit)
        result = klass(entries)
        if lookup_lines:
            for frame in result:
                frame.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for item in a_list:
            if isinstance(item, FrameSummary):
                result.append(item)
            else:
                filename, lineno, name, line = item
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        return _frame_text(frame_summary)

    def format(self):
        out = []
        previous = None
        count = 0
        for frame in self:
            text = self.format_frame_summary(frame)
            if text is None:
                continue
            key = (frame.filename, frame.lineno, frame.name)
            if key != previous:
                if count > _REPEAT_CUTOFF:
                    out.append(_repeat_note(count - _REPEAT_CUTOFF))
                previous = key
                count = 0
            count += 1
            if count <= _REPEAT_CUTOFF:
                out.append(text)
        if count > _REPEAT_CUTOFF:
            out.append(_repeat_note(count - _REPEAT_CUTOFF))
        return out


# Identical consecutive frames (recursion) print this many times, then a note.
_REPEAT_CUTOFF = 3


def _repeat_note(count):
    return '  [Previous line repeated {} more time{}]\n'.format(
        count, 's' if count > 1 else '')


def _limited(entries, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def _tb_frames(tb):
    frames = []
    for filename, lineno, name, carets in _traceback.entries(tb):
        frame = FrameSummary(filename, lineno, name, lookup_line=False)
        frame._carets = carets
        frames.append(frame)
    return frames


def extract_tb(tb, limit=None):
    """The frames of traceback `tb`, outermost first, as a StackSummary."""
    return StackSummary.extract(_tb_frames(tb), limit=limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def walk_tb(tb):
    for filename, lineno, name, carets in _traceback.entries(tb):
        yield None, lineno


def _caller_frames(f):
    frames = []
    if f is None:
        getframe = getattr(sys, '_getframe', None)
        if getframe is None:
            return frames
        f = getframe(2)
    while f is not None:
        frames.append((f, f.f_lineno))
        f = getattr(f, 'f_back', None)
    frames.reverse()
    return frames


def walk_stack(f):
    return iter(reversed(_caller_frames(f)))


def extract_stack(f=None, limit=None):
    frames = _caller_frames(f)
    if limit is not None and limit >= 0:
        frames = frames[-limit:] if limit else []
    return StackSummary.extract(frames)


def format_stack(f=None, limit=None):
    if f is None:
        f = getattr(sys, '_getframe', lambda n: None)(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = getattr(sys, '_getframe', lambda n: None)(1)
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    pass


def _type_name(exc_type):
    name = getattr(exc_type, '__qualname__', None) or getattr(exc_type, '__name__', str(exc_type))
    module = getattr(exc_type, '__module__', None)
    if module not in (None, '__main__', 'builtins'):
        if not isinstance(module, str):
            module = '<unknown>'
        name = module + '.' + name
    return name


def _value_text(value):
    try:
        return str(value)
    except BaseException:
        return '<exception str() failed>'


class TracebackException:
    """An exception, its traceback and its chain, captured for formatting."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._str = _value_text(exc_value)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.stack = StackSummary.extract(_tb_frames(exc_traceback), limit=limit,
                                          lookup_lines=lookup_lines)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lineno = exc_value.lineno
            self.lineno = str(lineno) if lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = exc_value.msg
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = bool(exc_value is not None and exc_value.__suppress_context__)
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(
                    type(cause), cause, cause.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen and not (compact and cause is not None):
                self.__context__ = TracebackException(
                    type(context), context, context.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    _seen=_seen)
        self.exceptions = None
        if exc_value is not None and isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [
                TracebackException(type(e), e, e.__traceback__, limit=limit,
                                   lookup_lines=lookup_lines, _seen=_seen)
                for e in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            yield "NoneType: None\n"
            return
        name = _type_name(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            yield (name + ': ' + self._str if self._str else name) + '\n'
        else:
            yield from self._syntax_error_lines(name)
        notes = self.__notes__
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = note if isinstance(note, str) else _value_text(note)
                yield note + '\n'
        elif notes is not None:
            yield _value_text(notes) + '\n'

    def _syntax_error_lines(self, name):
        where = ''
        if self.lineno is not None:
            where = '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            where = '  File "{}"\n'.format(self.filename)
        if where:
            yield where
        text = self.text
        if text is not None:
            stripped = text.rstrip('\n')
            body = stripped.lstrip(' \n\f')
            cut = len(stripped) - len(body)
            yield '    {}\n'.format(body)
            if self.offset is not None:
                start = self.offset - 1 - cut
                end = (self.end_offset or self.offset) - 1 - cut
                if end <= start:
                    end = start + 1
                if start >= 0:
                    marks = ''.join(c if c.isspace() else ' ' for c in body[:start])
                    yield '    {}{}\n'.format(marks, '^' * (end - start))
        msg = self.msg or "<no detail available>"
        yield "{}: {}\n".format(name, msg)

    def format(self, *, chain=True, _ctx=None):
        chain_parts = []
        current = self
        while current is not None:
            if chain and current.__cause__ is not None:
                chain_parts.append((current, _CAUSE))
                current = current.__cause__
            elif chain and current.__context__ is not None and not current.__suppress_context__:
                chain_parts.append((current, _CONTEXT))
                current = current.__context__
            else:
                chain_parts.append((current, None))
                current = None
        for exc, separator in reversed(chain_parts):
            if separator is not None:
                yield separator
            if exc.stack:
                yield _HEADER
                yield from exc.stack.format()
            if exc.exceptions is None:
                yield from exc.format_exception_only()
            else:
                yield from exc._format_group()

    def _format_group(self):
        yield from self.format_exception_only()
        for i, sub in enumerate(self.exceptions, 1):
            yield '+---------------- {} ----------------\n'.format(i)
            for line in sub.format(chain=False):
                yield '    | ' + line if not line.startswith('    ') else line

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _split_args(exc, value, tb):
    if (value is _MISSING) != (tb is _MISSING):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _MISSING:
        if isinstance(exc, BaseException):
            return type(exc), exc, exc.__traceback__
        if exc is None:
            return None, None, None
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return exc, value, tb


def format_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, chain=True):
    etype, value, tb = _split_args(exc, value, tb)
    if etype is None and value is None:
        return ['NoneType: None\n']
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_MISSING):
    if value is _MISSING:
        value = exc
    if value is None and exc is None:
        return ['NoneType: None\n']
    etype = type(value) if value is not None else exc
    te = TracebackException(etype, value, None, compact=True)
    return list(te.format_exception_only())


def print_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
