"""Codec registry and helpers: lookup, encode/decode, incremental and
stream coders, error handlers, byte order marks, codecs.open.

The text codecs are the interpreter's own (those `str.encode` knows:
UTF-8 (and UTF-8 with a signature), ASCII, Latin-1, cp1252, UTF-16, UTF-32,
unicode_escape and raw_unicode_escape) plus the bytes-to-bytes
'hex' and 'base64' codecs and the str-to-str 'rot13'. Search functions
added with register() are consulted for other names. Error handlers
registered with register_error() can be looked up and called, but
str.encode and bytes.decode only apply the built-in ones.
"""

import builtins
import sys

__all__ = ['register', 'lookup', 'open', 'EncodedFile', 'BOM', 'BOM_BE', 'BOM_LE',
           'BOM32_BE', 'BOM32_LE', 'BOM64_BE', 'BOM64_LE', 'BOM_UTF8', 'BOM_UTF16',
           'BOM_UTF16_LE', 'BOM_UTF16_BE', 'BOM_UTF32', 'BOM_UTF32_LE', 'BOM_UTF32_BE',
           'CodecInfo', 'Codec', 'IncrementalEncoder', 'IncrementalDecoder',
           'StreamReader', 'StreamWriter', 'StreamReaderWriter', 'getencoder',
           'getdecoder', 'getincrementalencoder', 'getincrementaldecoder',
           'getreader', 'getwriter', 'encode', 'decode', 'iterencode', 'iterdecode',
           'strict_errors', 'ignore_errors', 'replace_errors', 'xmlcharrefreplace_errors',
           'backslashreplace_errors', 'namereplace_errors', 'register_error', 'lookup_error']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM_UTF16 = BOM = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM_UTF16 = BOM = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE

# Spellings of the built-in codecs (after lower-casing and turning '_'
# and ' ' into '-'), by canonical name.
_ALIASES = {
    'utf-8': ('utf-8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8-ucs2', 'utf8-ucs4'),
    'ascii': ('ascii', 'us-ascii', '646', 'ansi-x3.4-1968', 'ansi-x3-4-1968', 'cp367', 'us', 'iso646-us', 'csascii'),
    'iso8859-1': ('latin-1', 'latin1', 'latin', 'l1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819', 'iso-ir-100', 'iso8859'),
    'cp1252': ('cp1252', 'windows-1252', '1252'),
    'utf-16': ('utf-16', 'utf16', 'u16'),
    'utf-16-le': ('utf-16-le', 'utf-16le', 'utf16le', 'unicodelittleunmarked'),
    'utf-16-be': ('utf-16-be', 'utf-16be', 'utf16be', 'unicodebigunmarked'),
    'utf-32': ('utf-32', 'utf32', 'u32'),
    'utf-32-le': ('utf-32-le', 'utf-32le', 'utf32le'),
    'utf-32-be': ('utf-32-be', 'utf-32be', 'utf32be'),
    'utf-8-sig': ('utf-8-sig', 'utf8-sig'),
    'unicode-escape': ('unicode-escape',),
    'raw-unicode-escape': ('raw-unicode-escape',),
    'hex': ('hex', 'hex-codec'),
    'base64': ('base64', 'base-64', 'base64-codec'),
    'rot-13': ('rot13', 'rot-13'),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}


class CodecInfo(tuple):
    """A codec's functions and classes (a 4-tuple for old callers)."""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        info = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        info.__dict__.update(name=name, encode=encode, decode=decode,
                             incrementalencoder=incrementalencoder,
                             incrementaldecoder=incrementaldecoder,
                             streamreader=streamreader, streamwriter=streamwriter)
        info._is_text_encoding = True if _is_text_encoding is None else _is_text_encoding
        return info

    def __repr__(self):
        return f'<{self.__class__.__module__}.{self.__class__.__qualname__} object for encoding {self.name} at {hex(id(self))}>'


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes str pieces; a UTF-16/32 byte order mark only once."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ''

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b'', 0)

    def setstate(self, state):
        pass


def _text_coders(name):
    """(encode, decode, incremental encoder class, incremental decoder
    class) of a built-in text codec."""

    def encode(input, errors='strict'):
        return input.encode(name, errors), len(input)

    def decode(input, errors='strict'):
        data = bytes(input)
        return data.decode(name, errors), len(data)

    class Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self._started = False

        def encode(self, input, final=False):
            codec = name
            if self._started and name in ('utf-16', 'utf-32'):
                codec = name + ('-le' if sys.byteorder == 'little' else '-be')
            self._started = True
            return input.encode(codec, self.errors)

        def reset(self):
            self._started = False

    class Decoder(IncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.buffer = b''
            self._codec = name

        def decode(self, input, final=False):
            data = self.buffer + bytes(input)
            if self._codec in ('utf-16', 'utf-32'):
                if not self._choose_order(data, final):
                    self.buffer = data
                    return ''
                if data[:len(self._bom)] == self._bom:
                    data = data[len(self._bom):]
            try:
                text = data.decode(self._codec, 'strict')
            except UnicodeDecodeError as e:
                if final or e.reason not in ('unexpected end of data', 'truncated data'):
                    self.buffer = b''
                    return data.decode(self._codec, self.errors)
                # An incomplete sequence at the end waits for more input.
                self.buffer = data[e.start:]
                return data[:e.start].decode(self._codec, self.errors)
            self.buffer = b''
            return text

        def _choose_order(self, data, final):
            """Picks the byte order from a BOM; False while too short."""
            size = 2 if name == 'utf-16' else 4
            if len(data) < size and not final:
                return False
            le, be = (BOM_UTF16_LE, BOM_UTF16_BE) if size == 2 else (BOM_UTF32_LE, BOM_UTF32_BE)
            if data[:size] == be:
                self._codec, self._bom = name + '-be', be
            else:
                self._codec, self._bom = name + '-le', le
            return True

        def reset(self):
            self.buffer = b''
            self._codec = name

        def getstate(self):
            return (self.buffer, 0)

    return encode, decode, Encoder, Decoder


def _bytes_coders(name):
    """The coders of 'hex', 'base64' (bytes to bytes) and 'rot-13' (str to
    str): one-shot functions whose incremental forms work on the whole."""
    import binascii
    if name == 'hex':
        enc, dec = binascii.b2a_hex, binascii.a2b_hex
    elif name == 'base64':
        enc, dec = binascii.b2a_base64, binascii.a2b_base64
    else:
        table = str.maketrans('ABCDEFGHIJKLMabcdefghijklmNOPQRSTUVWXYZnopqrstuvwxyz',
                              'NOPQRSTUVWXYZnopqrstuvwxyzABCDEFGHIJKLMabcdefghijklm')

        def enc(s):
            return s.translate(table)
        dec = enc

    def encode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError(f'Unsupported error handling mode: {errors!r} - must be \'strict\'')
        return enc(input), len(input)

    def decode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError(f'Unsupported error handling mode: {errors!r} - must be \'strict\'')
        return dec(input), len(input)

    class Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class Decoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    return encode, decode, Encoder, Decoder


_search_functions = []
_cache = {}


def register(search_function):
    """Adds a function mapping a normalized encoding name to a CodecInfo
    (or None)."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def _normalize(encoding):
    return encoding.strip().lower().replace('_', '-').replace(' ', '-')


def lookup(encoding):
    """The CodecInfo of an encoding, or LookupError."""
    if not isinstance(encoding, str):
        raise TypeError(f'lookup() argument must be str, not {type(encoding).__name__}')
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    name = _CANONICAL.get(key)
    info = None
    if name is not None:
        text = name not in ('hex', 'base64', 'rot-13')
        enc, dec, ienc, idec = (_text_coders if text else _bytes_coders)(name)
        info = CodecInfo(enc, dec, _stream_reader(dec), _stream_writer(enc), ienc, idec,
                         name=name, _is_text_encoding=text)
    else:
        for search in _search_functions:
            info = search(key.replace('-', '_'))
            if info is not None:
                if not isinstance(info, CodecInfo):
                    raise TypeError('codec search functions must return 4-tuples')
                break
    if info is None:
        raise LookupError(f'unknown encoding: {encoding}')
    _cache[key] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for piece in iterator:
        out = encoder.encode(piece)
        if out:
            yield out
    out = encoder.encode('', True)
    if out:
        yield out


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for piece in iterator:
        out = decoder.decode(piece)
        if out:
            yield out
    out = decoder.decode(b'', True)
    if out:
        yield out


# -- streams --------------------------------------------------------------------

# What StreamWriter and StreamReader share: they wrap `self.stream`.
def _stream_reset(self):
    pass


def _stream_getattr(self, name):
    return getattr(self.stream, name)


def _stream_enter(self):
    return self


def _stream_exit(self, *exc):
    self.stream.close()


class StreamWriter(Codec):
    """Writes encoded text to a binary stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        self.stream.write(self.encode(object, self.errors)[0])

    def writelines(self, lines):
        self.write(''.join(lines))

    reset = _stream_reset
    __getattr__ = _stream_getattr
    __enter__ = _stream_enter
    __exit__ = _stream_exit


class StreamReader(Codec):
    """Reads and decodes a binary stream (all of it at the first read)."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self._text = None

    def _lines(self):
        if self._text is None:
            self._text = self.decode(self.stream.read(), self.errors)[0]
        return self._text

    def read(self, size=-1, chars=-1, firstline=False):
        text = self._lines()
        n = chars if chars >= 0 else size
        if n < 0:
            self._text = ''
            return text
        self._text = text[n:]
        return text[:n]

    def readline(self, size=None, keepends=True):
        text = self._lines()
        lines = text.splitlines(True)
        line = lines[0] if lines else ''
        self._text = text[len(line):]
        return line if keepends else line.splitlines()[0] if line else line

    def readlines(self, sizehint=None, keepends=True):
        text = self.read()
        return text.splitlines(keepends)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    reset = _stream_reset
    __getattr__ = _stream_getattr
    __enter__ = _stream_enter
    __exit__ = _stream_exit


def _stream_writer(encode_function):
    class Writer(StreamWriter):
        def encode(self, input, errors='strict'):
            return encode_function(input, errors)
    return Writer


def _stream_reader(decode_function):
    class Reader(StreamReader):
        def decode(self, input, errors='strict'):
            return decode_function(input, errors)
    return Reader


class StreamReaderWriter:
    """A stream read through a StreamReader and written through a
    StreamWriter; other attributes are the underlying stream's."""

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream, self.errors = stream, errors
        self.reader, self.writer = Reader(stream, errors), Writer(stream, errors)

    def __iter__(self):
        return iter(self.reader)

    def __getattr__(self, name):
        if name in ('read', 'readline', 'readlines'):
            return getattr(self.reader, name)
        if name in ('write', 'writelines'):
            return getattr(self.writer, name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """A file whose reads and writes are str coded with `encoding` (the
    file itself is opened in binary mode, so newlines are not translated);
    without an encoding, the plain file."""
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    if 'b' not in mode:
        mode = mode.replace('t', '') + 'b'
    stream = builtins.open(filename, mode, buffering)
    info = lookup(encoding)
    srw = StreamReaderWriter(stream, info.streamreader, info.streamwriter, errors)
    srw.encoding = encoding
    return srw


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """A stream that takes data_encoding bytes and stores them in
    file_encoding."""
    if file_encoding is None:
        file_encoding = data_encoding
    data, stored = lookup(data_encoding), lookup(file_encoding)

    class Recoder:
        def write(self, b):
            file.write(stored.encode(data.decode(b, errors)[0], errors)[0])

        def read(self, size=-1):
            return data.encode(stored.decode(file.read(size), errors)[0], errors)[0]

        def __getattr__(self, name):
            return getattr(file, name)
    return Recoder()


# -- error handlers --------------------------------------------------------------

def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')


def ignore_errors(exc):
    _check_error(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check_error(exc)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * (exc.end - exc.start), exc.end)


def backslashreplace_errors(exc):
    _check_error(exc)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join(f'\\x{b:02x}' for b in exc.object[exc.start:exc.end]), exc.end)
    return (exc.object[exc.start:exc.end].encode('ascii', 'backslashreplace').decode('ascii'), exc.end)


def xmlcharrefreplace_errors(exc):
    _check_error(exc, UnicodeEncodeError)
    return (''.join(f'&#{ord(c)};' for c in exc.object[exc.start:exc.end]), exc.end)


def namereplace_errors(exc):
    _check_error(exc, UnicodeEncodeError)
    import unicodedata
    out = []
    for c in exc.object[exc.start:exc.end]:
        name = unicodedata.name(c, None)
        out.append(f'\\N{{{name}}}' if name else c.encode('ascii', 'backslashreplace').decode('ascii'))
    return (''.join(out), exc.end)


def _check_error(exc, kinds=(UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
    if not isinstance(exc, kinds):
        raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


_error_handlers = {
    'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors, 'namereplace': namereplace_errors,
}


def register_error(name, handler):
    if not callable(handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError(f'unknown error handler name {name!r}') from None


def utf_8_encode(input, errors='strict'):
    return input.encode('utf-8', errors), len(input)


def utf_8_decode(input, errors='strict', final=False):
    data = bytes(input)
    return data.decode('utf-8', errors), len(data)


def latin_1_encode(input, errors='strict'):
    return input.encode('latin-1', errors), len(input)


def latin_1_decode(input, errors='strict'):
    data = bytes(input)
    return data.decode('latin-1', errors), len(data)


def ascii_encode(input, errors='strict'):
    return input.encode('ascii', errors), len(input)


def ascii_decode(input, errors='strict'):
    data = bytes(input)
    return data.decode('ascii', errors), len(data)
