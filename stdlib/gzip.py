"""Reading and writing gzip files (RFC 1952): compress/decompress of bytes,
GzipFile for binary streams and open() for binary and text modes.

Built on zlib's raw DEFLATE streams. A GzipFile opened for reading
decompresses every member when it is first read.
"""

import builtins
import io
import os
import time
import zlib

__all__ = ['BadGzipFile', 'GzipFile', 'open', 'compress', 'decompress']

READ, WRITE = 1, 2
_FNAME = 8


class BadGzipFile(OSError):
    """A file that is not in gzip format."""


def _header(level, mtime, name=b'', os_byte=255):
    xfl = 2 if level == 9 else (4 if level == 1 else 0)
    flags = _FNAME if name else 0
    head = b'\x1f\x8b\x08' + bytes([flags]) + (int(mtime) & 0xffffffff).to_bytes(4, 'little') + bytes([xfl, os_byte])
    return head + (name + b'\x00' if name else b'')


def _trailer(crc, size):
    return (crc & 0xffffffff).to_bytes(4, 'little') + (size & 0xffffffff).to_bytes(4, 'little')


def compress(data, compresslevel=9, *, mtime=None):
    """data as one gzip member."""
    if mtime == 0:
        # CPython hands this case to zlib, whose header names Unix.
        return zlib.compress(data, compresslevel, wbits=31)
    if mtime is None:
        mtime = time.time()
    c = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = c.compress(data) + c.flush()
    return _header(compresslevel, mtime) + body + _trailer(zlib.crc32(data), len(data))


def decompress(data):
    """The concatenated contents of every gzip member in data."""
    data = bytes(data)
    out = []
    while data:
        if data[:2] != b'\x1f\x8b':
            raise BadGzipFile(f'Not a gzipped file ({data[:2]!r})')
        d = zlib.decompressobj(31)
        out.append(d.decompress(data))
        if not d.eof:
            raise EOFError('Compressed file ended before the end-of-stream marker was reached')
        # Zero bytes may pad the end of a file.
        data = d.unused_data.lstrip(b'\x00')
    return b''.join(out)


class GzipFile(io.BufferedIOBase):
    """A binary file object over gzip-compressed data."""

    def __init__(self, filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError(f'Invalid mode: {mode!r}')
        if mode and 'b' not in mode:
            mode += 'b'
        self._own = None
        if fileobj is None:
            fileobj = self._own = builtins.open(filename, mode or 'rb')
        # The name: the path given, else the file object's (when it is one).
        if filename is not None:
            filename = os.fspath(filename)
        elif isinstance(getattr(fileobj, 'name', None), (str, bytes)):
            filename = fileobj.name
        else:
            filename = ''
        mode = mode or getattr(fileobj, 'mode', 'rb')
        self.name = filename
        self.fileobj = fileobj
        self._buffer = None
        if mode.startswith('r'):
            self.mode = READ
        elif mode[:1] in ('w', 'a', 'x'):
            self.mode = WRITE
            self._crc = 0
            self._size = 0
            self._compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS)
            base = os.path.basename(filename if isinstance(filename, str) else filename.decode())
            if base.endswith('.gz'):
                base = base[:-3]
            fileobj.write(_header(compresslevel, time.time() if mtime is None else mtime,
                                  base.encode('latin-1', 'replace')))
        else:
            raise ValueError(f'Invalid mode: {mode!r}')

    def __repr__(self):
        return f'<gzip {self.fileobj!r} {hex(id(self))}>'

    @property
    def closed(self):
        return self.fileobj is None

    def _check(self, wanted):
        if self.fileobj is None:
            raise ValueError('I/O operation on closed file.')
        if self.mode != wanted:
            import errno
            what = 'read() on write-only' if wanted == READ else 'write() on read-only'
            raise OSError(errno.EBADF, f'{what} GzipFile object')

    def _contents(self):
        if self._buffer is None:
            self._buffer = io.BytesIO(decompress(self.fileobj.read()))
        return self._buffer

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return self.mode == READ

    def read(self, size=-1):
        self._check(READ)
        return self._contents().read(size)

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, n=1):
        self._check(READ)
        buf = self._contents()
        pos = buf.tell()
        data = buf.read(max(n, 1))
        buf.seek(pos)
        return data

    def readline(self, size=-1):
        self._check(READ)
        return self._contents().readline(size)

    def readlines(self, hint=-1):
        self._check(READ)
        return self._contents().readlines(hint)

    def __iter__(self):
        self._check(READ)
        return iter(self._contents())

    def seek(self, offset, whence=io.SEEK_SET):
        self._check(READ)
        return self._contents().seek(offset, whence)

    def tell(self):
        if self.mode == WRITE:
            return self._size
        return self._contents().tell()

    def write(self, data):
        self._check(WRITE)
        data = bytes(data)
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self.fileobj.write(self._compress.compress(data))
        return len(data)

    def flush(self):
        if self.mode == WRITE and self.fileobj is not None:
            self.fileobj.write(self._compress.flush(zlib.Z_SYNC_FLUSH))
            self.fileobj.flush()

    def close(self):
        if self.fileobj is None:
            return
        try:
            if self.mode == WRITE:
                self.fileobj.write(self._compress.flush() + _trailer(self._crc, self._size))
        finally:
            self.fileobj = None
            if self._own is not None:
                self._own.close()
                self._own = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _GzipText:
    """open()'s text mode: str over a GzipFile, decoded or encoded whole."""

    def __init__(self, binary, encoding, errors, newline):
        self.buffer = binary
        self.encoding = encoding or 'utf-8'
        self.errors = errors or 'strict'
        self._newline = newline
        self._text = None
        self._pending = []

    def _reader(self):
        if self._text is None:
            text = self.buffer.read().decode(self.encoding, self.errors)
            if self._newline is None:
                text = text.replace('\r\n', '\n').replace('\r', '\n')
            self._text = io.StringIO(text)
        return self._text

    def read(self, size=-1):
        return self._reader().read(size)

    def readline(self, size=-1):
        return self._reader().readline(size)

    def readlines(self, hint=-1):
        return self._reader().readlines(hint)

    def __iter__(self):
        return iter(self._reader())

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    @property
    def closed(self):
        return self.buffer.closed

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode='rb', compresslevel=9, encoding=None, errors=None, newline=None):
    """A GzipFile (binary modes) or a text stream over one ('rt', 'wt',
    'at', 'xt')."""
    if 't' in mode:
        if 'b' in mode:
            raise ValueError(f'Invalid mode: {mode!r}')
    else:
        for name, value in (('encoding', encoding), ('errors', errors), ('newline', newline)):
            if value is not None:
                raise ValueError(f"Argument '{name}' not supported in binary mode")
    binary_mode = mode.replace('t', '')
    if binary_mode.replace('b', '') not in ('r', 'w', 'a', 'x'):
        raise ValueError(f"invalid mode: {mode if 'b' in mode else mode + 'b'!r}")
    if isinstance(filename, (str, bytes)) or hasattr(filename, '__fspath__'):
        binary = GzipFile(filename, binary_mode, compresslevel)
    elif hasattr(filename, 'read') or hasattr(filename, 'write'):
        binary = GzipFile(None, binary_mode, compresslevel, filename)
    else:
        raise TypeError('filename must be a str or bytes object, or a file')
    if 't' in mode:
        return _GzipText(binary, encoding, errors, newline)
    return binary
