"""Keyed-hashing for message authentication (RFC 2104) over hashlib."""

import hashlib as _hashlib

__all__ = ['new', 'digest', 'compare_digest', 'HMAC', 'digest_size']

digest_size = None

_OUTER = bytes(x ^ 0x5C for x in range(256))
_INNER = bytes(x ^ 0x36 for x in range(256))


def _constructor(digestmod):
    if digestmod is None or digestmod == '':
        raise TypeError("Missing required parameter 'digestmod'.")
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


class HMAC:
    """An HMAC object: update it with data, then read digest()/hexdigest()."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray, memoryview)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        make = _constructor(digestmod)
        self._outer = make()
        self._inner = make()
        self.digest_size = self._inner.digest_size
        block = getattr(self._inner, 'block_size', 64)
        if block < 16:
            block = self.blocksize
        if len(key) > block:
            key = make(key).digest()
        self.block_size = block
        key = bytes(key).ljust(block, b'\0')
        self._outer.update(key.translate(_OUTER))
        self._inner.update(key.translate(_INNER))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other._outer = self._outer.copy()
        other._inner = self._inner.copy()
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        return other

    def digest(self):
        outer = self._outer.copy()
        outer.update(self._inner.copy().digest())
        return outer.digest()

    def hexdigest(self):
        return self.digest().hex()


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    return HMAC(key, msg, digest).digest()


def compare_digest(a, b, /):
    """a == b, taking a time that does not depend on where they differ."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a, b = a.encode('ascii'), b.encode('ascii')
    else:
        binary = (bytes, bytearray)
        if not isinstance(a, binary) and not isinstance(b, binary):
            raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                            % (type(a).__name__, type(b).__name__))
        for value in (a, b):
            if not isinstance(value, binary):
                raise TypeError("a bytes-like object is required, not '%s'" % type(value).__name__)
        a, b = bytes(a), bytes(b)
    result = len(a) ^ len(b)
    if len(a) != len(b):
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
