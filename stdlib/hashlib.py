"""Secure hashes and message digests: md5, sha1 and the SHA-2 family.

The digests are computed natively (`_hashlib`); this module gives them
CPython's interface: constructors, `new()`, and hash objects with update,
digest, hexdigest and copy.
"""

import _hashlib

_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64),
    'sha256': (32, 64), 'sha384': (48, 128), 'sha512': (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new',
           'algorithms_guaranteed', 'algorithms_available', 'file_digest')


class HASH:
    """A hash object; made by the constructors, not by calling HASH."""

    def __init__(self, name, state):
        self._name = name
        self._state = state

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, data, /):
        _hashlib.update(self._state, data)

    def digest(self):
        return _hashlib.digest(self._state)

    def hexdigest(self):
        return _hashlib.digest(self._state).hex()

    def copy(self):
        return HASH(self._name, _hashlib.copy(self._state))

    def __repr__(self):
        return '<{} _hashlib.HASH object @ {}>'.format(self._name, hex(id(self)))


HASH.__module__ = '_hashlib'


def _make(name, data, usedforsecurity):
    h = HASH(name, _hashlib.new_state(name))
    if data is not None:
        h.update(data)
    return h


def md5(string=b'', *, usedforsecurity=True):
    return _make('md5', string, usedforsecurity)


def sha1(string=b'', *, usedforsecurity=True):
    return _make('sha1', string, usedforsecurity)


def sha224(string=b'', *, usedforsecurity=True):
    return _make('sha224', string, usedforsecurity)


def sha256(string=b'', *, usedforsecurity=True):
    return _make('sha256', string, usedforsecurity)


def sha384(string=b'', *, usedforsecurity=True):
    return _make('sha384', string, usedforsecurity)


def sha512(string=b'', *, usedforsecurity=True):
    return _make('sha512', string, usedforsecurity)


def new(name, data=b'', **kwargs):
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    key = name.lower()
    if key not in _SIZES:
        raise ValueError('unsupported hash type ' + name)
    return _make(key, data, True)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    h = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h
