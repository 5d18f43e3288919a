"""Typed arrays of numbers (and 'u' characters): a list whose items are
checked and stored as one C type, converted to and from bytes in the
machine's layout (x86-64 Linux sizes) through struct."""

from _tulip import c_type as _c_type
import struct as _struct
import sys as _sys

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

# (minimum, maximum, name in the "... is greater than maximum" messages)
_INT_RANGES = {
    'b': (-128, 127, 'signed char'),
    'B': (0, 255, 'unsigned byte integer'),
    'h': (-32768, 32767, 'signed short integer'),
    'H': (0, 65535, 'unsigned short'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer'),
    'I': (0, 2 ** 32 - 1, 'unsigned int'),
}
_LONG_MIN, _LONG_MAX = -2 ** 63, 2 ** 63 - 1
_ULONG_MAX = 2 ** 64 - 1


def _as_int(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return index(value)


def _checked(typecode, value):
    """value as stored by an array of typecode, or the C conversion's error."""
    if typecode == 'u':
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError('array item must be unicode character')
        return value
    if typecode in 'fd':
        if isinstance(value, str) or not hasattr(type(value), '__float__') and not hasattr(type(value), '__index__'):
            raise TypeError('must be real number, not %s' % type(value).__name__)
        number = float(value)
        if typecode == 'f':
            number = _struct.unpack('f', _struct.pack('f', number))[0]
        return number
    n = _as_int(value)
    if typecode in 'qQ':
        if typecode == 'Q' and n < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if (typecode == 'q' and not _LONG_MIN <= n <= _LONG_MAX) or n > _ULONG_MAX:
            raise OverflowError('int too big to convert')
        return n
    if typecode in 'IL':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n > _ULONG_MAX:
            raise OverflowError('Python int too large to convert to C unsigned long')
    elif not _LONG_MIN <= n <= _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')
    if typecode in _INT_RANGES:
        low, high, name = _INT_RANGES[typecode]
        if n > high:
            raise OverflowError('%s is greater than maximum' % name)
        if n < low:
            raise OverflowError('%s is less than minimum' % name)
    return n


@_c_type
class array:
    """array(typecode[, initializer]): a sequence of one C type."""

    __slots__ = ('_typecode', '_items')

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return self
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, array) and initializer._typecode == 'u' and typecode != 'u':
            raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
        else:
            self._items = [_checked(typecode, v) for v in initializer]
        return self

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _same_kind(self, other):
        return isinstance(other, array) and other._typecode == self._typecode

    def append(self, v):
        self._items.append(_checked(self._typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        self._items.extend([_checked(self._typecode, v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(i, _checked(self._typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=_sys.maxsize, /):
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def buffer_info(self):
        return (id(self._items), len(self._items))

    def _format(self):
        return '%d%s' % (len(self._items), self._typecode)

    def tobytes(self):
        if self._typecode == 'u':
            return ''.join(self._items).encode('utf-32-le')
        return _struct.pack(self._format(), *self._items)

    def frombytes(self, buffer):
        data = bytes(buffer)
        if len(data) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        if self._typecode == 'u':
            self._items.extend(data.decode('utf-32-le'))
            return
        count = len(data) // self.itemsize
        self._items.extend(_struct.unpack('%d%s' % (count, self._typecode), data))

    def byteswap(self):
        size = self.itemsize
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self._items.extend([_checked(self._typecode, v) for v in items])

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, text):
        if self._typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        if not isinstance(text, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(text).__name__)
        self._items.extend(text)

    def tofile(self, f):
        f.write(self.tobytes())

    def fromfile(self, f, n):
        want = n * self.itemsize
        data = f.read(want)
        self.frombytes(data[:len(data) - len(data) % self.itemsize])
        if len(data) < want:
            raise EOFError("read() didn't return enough bytes")

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            result = array(self._typecode)
            result._items = self._items[index]
            return result
        try:
            return self._items[index]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(value).__name__)
            if value._typecode != self._typecode:
                raise TypeError('bad argument type for built-in operation')
            self._items[index] = value._items
            return
        checked = _checked(self._typecode, value)
        try:
            self._items[index] = checked
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError('bad argument type for built-in operation')
        result = array(self._typecode)
        result._items = self._items + other._items
        return result

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        result = array(self._typecode)
        result._items = self._items * n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def __reduce_ex__(self, protocol):
        return (array, (self._typecode, list(self._items)))

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._typecode
        if self._typecode == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._typecode, self._items)

    __class_getitem__ = classmethod(lambda cls, item: cls)


array.__module__ = 'array'
ArrayType = array
