"""UUID objects (RFC 4122) and the functions that make them: uuid1 (time
and node), uuid3 (MD5 of a name), uuid4 (random), uuid5 (SHA-1 of a name).

uuid1 and getnode() use a random multicast node number: tulip does not
read the network hardware address.
"""

import enum
import operator as _operator
import os

__all__ = ['UUID', 'uuid1', 'uuid3', 'uuid4', 'uuid5', 'getnode', 'SafeUUID',
           'NAMESPACE_DNS', 'NAMESPACE_URL', 'NAMESPACE_OID', 'NAMESPACE_X500',
           'RESERVED_NCS', 'RFC_4122', 'RESERVED_MICROSOFT', 'RESERVED_FUTURE']

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

_MAX = 1 << 128


class SafeUUID(enum.Enum):
    safe = 0
    unsafe = -1
    unknown = None


# Bit widths of the six fields, most significant first.
_FIELD_BITS = (32, 16, 16, 8, 8, 48)
_FIELD_NAMES = ('time_low', 'time_mid', 'time_hi_version',
                'clock_seq_hi_variant', 'clock_seq_low', 'node')


def _by_value(compare):
    def method(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return compare(self.int, other.int)
    return method


def _stamp(value, version):
    """value with the RFC 4122 variant bits (10 at bit 63) and the version
    in the top nibble of time_hi_version (bits 76-79)."""
    value = (value & ~(0b11 << 62)) | (0b10 << 62)
    return (value & ~(0xf << 76)) | (version << 76)


_set = object.__setattr__


class UUID:
    """An immutable 128-bit universally unique identifier, made from
    exactly one of: a hex string, 16 bytes (big- or little-endian fields),
    the six fields, or an int."""

    __slots__ = ('int', 'is_safe')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        given = [hex, bytes, bytes_le, fields, int].count(None)
        if given != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            text = hex.replace('urn:', '').replace('uuid:', '').strip('{}').replace('-', '')
            if len(text) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            int = _int(text, 16)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            bytes = (bytes_le[3::-1] + bytes_le[5:3:-1] + bytes_le[7:5:-1] + bytes_le[8:])
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            int = _int.from_bytes(bytes, 'big')
        if fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            int = 0
            for name, bits, value in zip(_FIELD_NAMES, _FIELD_BITS, fields):
                if not 0 <= value < 1 << bits:
                    article = 'an' if bits == 8 else 'a'
                    raise ValueError('field %d out of range (need %s %d-bit value)'
                                     % (_FIELD_NAMES.index(name) + 1, article, bits))
                int = (int << bits) | value
        if int < 0 or int >= _MAX:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if version not in (1, 2, 3, 4, 5):
                raise ValueError('illegal version number')
            int = _stamp(int, version)
        _set(self, 'int', int)
        _set(self, 'is_safe', is_safe)

    @classmethod
    def _from_int(cls, value):
        made = object.__new__(cls)
        _set(made, 'int', value)
        _set(made, 'is_safe', SafeUUID.unknown)
        return made

    def __getstate__(self):
        state = {'int': self.int}
        if self.is_safe != SafeUUID.unknown:
            state['is_safe'] = self.is_safe.value
        return state

    def __setstate__(self, state):
        _set(self, 'int', state['int'])
        _set(self, 'is_safe', SafeUUID(state['is_safe']) if 'is_safe' in state else SafeUUID.unknown)

    # Ordering and equality compare the 128-bit values.
    __eq__ = _by_value(_operator.eq)
    __lt__ = _by_value(_operator.lt)
    __gt__ = _by_value(_operator.gt)
    __le__ = _by_value(_operator.le)
    __ge__ = _by_value(_operator.ge)

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return "%s('%s')" % (type(self).__name__, self)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __str__(self):
        h = '%032x' % self.int
        return '-'.join((h[:8], h[8:12], h[12:16], h[16:20], h[20:]))

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        b = self.bytes
        return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]

    def _field(self, index):
        shift = sum(_FIELD_BITS[index + 1:])
        return (self.int >> shift) & ((1 << _FIELD_BITS[index]) - 1)

    @property
    def fields(self):
        return tuple(self._field(i) for i in range(6))

    @property
    def time_low(self):
        return self._field(0)

    @property
    def time_mid(self):
        return self._field(1)

    @property
    def time_hi_version(self):
        return self._field(2)

    @property
    def clock_seq_hi_variant(self):
        return self._field(3)

    @property
    def clock_seq_low(self):
        return self._field(4)

    @property
    def node(self):
        return self._field(5)

    @property
    def time(self):
        return (((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def urn(self):
        return 'urn:uuid:%s' % self

    @property
    def hex(self):
        return format(self.int, '032x')

    @property
    def variant(self):
        top = self.int >> 61
        if not top & 0b100:
            return RESERVED_NCS
        if not top & 0b010:
            return RFC_4122
        if not top & 0b001:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return (self.int >> 76) & 0xf
        return None


_int = int
_node = None


def getnode():
    """A 48-bit node number; here a random one with the multicast bit set
    (RFC 4122 section 4.5), fixed for the life of the process."""
    global _node
    if _node is None:
        _node = _int.from_bytes(os.urandom(6), 'big') | (1 << 40)
    return _node


_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    import time
    global _last_timestamp
    # 100-ns intervals since the Gregorian reform, 1582-10-15; never the
    # same twice in one process.
    timestamp = time.time_ns() // 100 + 0x01b21dd213814000
    if _last_timestamp is not None:
        timestamp = max(timestamp, _last_timestamp + 1)
    _last_timestamp = timestamp
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)
    if node is None:
        node = getnode()
    fields = (timestamp & 0xffffffff, (timestamp >> 32) & 0xffff,
              (timestamp >> 48) & 0x0fff, (clock_seq >> 8) & 0x3f,
              clock_seq & 0xff, node)
    return UUID(fields=fields, version=1)


def _name_bytes(name):
    return bytes(name, "utf-8")


def uuid3(namespace, name):
    from hashlib import md5
    digest = md5(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=3)


def uuid4():
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    from hashlib import sha1
    digest = sha1(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
