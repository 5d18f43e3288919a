"""Compression compatible with zlib: one-shot compress/decompress, the
streaming Compress/Decompress objects, crc32 and adler32.

DEFLATE itself is native (`_zlib`, on the flate2 crate); the zlib and gzip
containers selected by wbits are handled here. Compressed output is valid
but not byte-for-byte what C zlib writes. Not supported: preset
dictionaries (zdict), memLevel/strategy tuning, and copy() of a stream.
"""

import _zlib
from binascii import crc32
from _zlib import adler32

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = '1.2.13'
ZLIB_RUNTIME_VERSION = '1.2.13'


class error(Exception):
    pass


def _bytes(data):
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    return bytes(data)


def _container(wbits, compressing):
    """'zlib', 'raw', 'gzip' or (decompressing only) 'auto' for wbits."""
    if 9 <= wbits <= 15 or (not compressing and wbits == 0):
        return 'zlib'
    if -15 <= wbits <= -9:
        return 'raw'
    if 25 <= wbits <= 31 or (not compressing and wbits == 16):
        return 'gzip'
    if not compressing and 40 <= wbits <= 47:
        return 'auto'
    if compressing:
        raise ValueError('Invalid initialization option')
    raise error('Error -2 while preparing to decompress data: inconsistent stream state')


def _check_level(level):
    if not -1 <= level <= 9:
        raise error('Bad compression level')


# -- gzip members ---------------------------------------------------------------

def _gzip_header(level, mtime=0, os_byte=3):
    xfl = 2 if level == 9 else (4 if level == 1 else 0)
    return b'\x1f\x8b\x08\x00' + (mtime & 0xffffffff).to_bytes(4, 'little') + bytes([xfl, os_byte])


def _gzip_header_length(data):
    """The length of the gzip header at the start of data, or None when
    more bytes are needed; error when it is not one."""
    if len(data) < 10:
        return None
    if data[:3] != b'\x1f\x8b\x08':
        raise error('Error -3 while decompressing data: incorrect header check')
    flags = data[3]
    pos = 10
    if flags & 4:                       # FEXTRA
        if len(data) < pos + 2:
            return None
        pos += 2 + int.from_bytes(data[pos:pos + 2], 'little')
    for bit in (8, 16):                 # FNAME, FCOMMENT: zero-terminated
        if flags & bit:
            end = data.find(b'\x00', pos)
            if end < 0:
                return None
            pos = end + 1
    if flags & 2:                       # FHCRC
        pos += 2
    return pos if len(data) >= pos else None


def _zlib_header_ok(data):
    cmf, flg = data[0], data[1]
    return cmf & 0x0f == 8 and (cmf << 8 | flg) % 31 == 0 and not flg & 0x20


# -- streaming objects --------------------------------------------------------------

class Compress:
    """A compression stream: compress() pieces, then flush()."""

    def __init__(self, level, wbits):
        self._kind = _container(wbits, True)
        self._state = _zlib.compressor(level, self._kind == 'zlib')
        self._finished = False
        self._crc = 0
        self._size = 0
        self._header = _gzip_header(level) if self._kind == 'gzip' else b''

    def _take_header(self):
        h, self._header = self._header, b''
        return h

    def compress(self, data):
        data = _bytes(data)
        if self._finished:
            raise error('Error -2 while compressing data: inconsistent stream state')
        if self._kind == 'gzip':
            self._crc = crc32(data, self._crc)
            self._size += len(data)
        return self._take_header() + _zlib.compress_feed(self._state, data, Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b''
        if self._finished:
            raise error('Error -2 while flushing: inconsistent stream state')
        out = self._take_header() + _zlib.compress_feed(self._state, b'', mode)
        if mode == Z_FINISH:
            self._finished = True
            if self._kind == 'gzip':
                out += (self._crc & 0xffffffff).to_bytes(4, 'little') + (self._size & 0xffffffff).to_bytes(4, 'little')
        return out


class Decompress:
    """A decompression stream: decompress() pieces; what follows the end
    of the stream is kept in unused_data."""

    def __init__(self, wbits):
        self._kind = _container(wbits, False)
        self._state = None
        self._pending = b''             # header bytes not yet complete
        self._crc = 0
        self._size = 0
        self.unused_data = b''
        self.unconsumed_tail = b''
        self.eof = False

    def _start(self, data):
        """Consumes the container's header; returns the rest of data, or
        None when more is needed."""
        data = self._pending + data
        kind = self._kind
        if kind == 'auto':
            if len(data) < 2:
                self._pending = data
                return None
            kind = 'gzip' if data[:2] == b'\x1f\x8b' else 'zlib'
            self._kind = kind
        if kind == 'gzip':
            n = _gzip_header_length(data)
            if n is None:
                self._pending = data
                return None
            data = data[n:]
        elif kind == 'zlib':
            if len(data) < 2:
                self._pending = data
                return None
            if not _zlib_header_ok(data):
                raise error('Error -3 while decompressing data: incorrect header check')
        self._pending = b''
        self._state = _zlib.decompressor(kind == 'zlib')
        return data

    def decompress(self, data, max_length=0):
        data = _bytes(data)
        if max_length < 0:
            raise ValueError('max_length must be non-negative')
        if self.eof:
            self.unused_data += data
            return b''
        if self._state is None:
            data = self._start(data)
            if data is None:
                return b''
        out, used, ended = _zlib.decompress_feed(self._state, data, max_length)
        rest = data[used:]
        if self._kind == 'gzip':
            self._crc = crc32(out, self._crc)
            self._size += len(out)
        if ended:
            self.eof = True
            self.unconsumed_tail = b''
            if self._kind == 'gzip':
                trailer, rest = rest[:8], rest[8:]
                expected = (self._crc & 0xffffffff).to_bytes(4, 'little') + (self._size & 0xffffffff).to_bytes(4, 'little')
                if len(trailer) == 8 and trailer != expected:
                    raise error('Error -3 while decompressing data: incorrect data check')
            self.unused_data += rest
        else:
            # Input left over when max_length stopped the output.
            self.unconsumed_tail = rest
        return out

    def flush(self, length=DEF_BUF_SIZE):
        if length <= 0:
            raise ValueError('length must be greater than zero')
        if self._state is None or self.eof:
            return b''
        # Also drains output the inflater holds from input it has taken.
        tail, self.unconsumed_tail = self.unconsumed_tail, b''
        return self.decompress(tail)


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    _check_level(level)
    if method != DEFLATED or not 1 <= memLevel <= 9:
        raise ValueError('Invalid initialization option')
    return Compress(level, wbits)


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    return Decompress(wbits)


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """The whole of data compressed in one stream."""
    data = _bytes(data)
    _check_level(level)
    try:
        c = Compress(level, wbits)
    except ValueError:
        # C zlib reports a bad wbits here as a bad level.
        raise error('Bad compression level') from None
    return c.compress(data) + c.flush()


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """The data of one complete stream."""
    data = _bytes(data)
    if bufsize < 0:
        raise ValueError('bufsize must be non-negative')
    d = Decompress(wbits)
    out = d.decompress(data)
    if not d.eof:
        raise error('Error -5 while decompressing data: incomplete or truncated stream')
    return out
