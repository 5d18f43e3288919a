# struct: every format code, byte orders, native alignment, and the errors.
import struct


def attempt(f, *args):
    try:
        r = f(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'P',
            'e', 'f', 'd', '?', 'c', 's', 'p', 'x', '5s', '3p', 'bhi', 'bq',
            'hd', 'ci', '0i', 'b0i', '3x', '2h3c', 'i i', '']:
    for order in ['', '@', '=', '<', '>', '!']:
        attempt(struct.calcsize, order + fmt)

values = {
    'b': [0, 127, -128], 'B': [0, 255], 'h': [-32768, 32767], 'H': [65535],
    'i': [-2**31, 2**31 - 1], 'I': [2**32 - 1], 'l': [-5], 'L': [7],
    'q': [-2**63, 2**63 - 1], 'Q': [2**64 - 1], 'n': [-3], 'N': [3], 'P': [4096],
    'e': [1.5, -0.0, 65504.0, 6e-08, 1e-05, float('inf'), 0.333333],
    'f': [1.5, 3.141592653589793, -1e-40], 'd': [1e300, -2.5],
    '?': [True, False, 0, 'x', []], 'c': [b'a', b'z'],
}
for code, vals in values.items():
    for order in ['', '<', '>']:
        if order and code in 'nNP':
            continue
        for v in vals:
            packed = struct.pack(order + code, v)
            print(order + code, repr(v), packed, struct.unpack(order + code, packed))

print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('3p', b'abcdef'))
print(struct.unpack('3p', b'\x05ab'), struct.unpack('4s', b'ab\x00\x00'))
print(struct.pack('0s', b''), struct.pack('0p', b''))
attempt(struct.pack, 'c', bytearray(b'z'))
print(struct.pack('<hxxi?', 1, 2, True), struct.pack('@hi', 1, 2))
print(struct.pack('>3h', 1, 2, 3), struct.unpack('<3H', b'\x01\x00\x02\x00\x03\x00'))
print(struct.unpack('!f', struct.pack('!f', 0.1)))


class Idx:
    def __index__(self):
        return 7


print(struct.pack('i', Idx()), struct.pack('<q', True))

# range errors: the message depends on code and byte order, as in CPython
for order in ['', '<', '>']:
    for code in 'bBhHiIlLqQ':
        size = struct.calcsize(order + code)
        for v in [2 ** (8 * size), -1, -2 ** (8 * size - 1) - 1, 2 ** 70]:
            attempt(struct.pack, order + code, v)
for code in 'nN':
    attempt(struct.pack, code, 2 ** 64)
    attempt(struct.pack, code, -2 ** 63 - 1)

# type errors
attempt(struct.pack, 'i', 'x')
attempt(struct.pack, 'i', 1.5)
attempt(struct.pack, 'd', 'x')
attempt(struct.pack, 'f', 2 ** 2000)
attempt(struct.pack, '<f', 1e300)
attempt(struct.pack, 'f', 1e300)
attempt(struct.pack, 'e', 1e10)
attempt(struct.pack, 'c', b'ab')
attempt(struct.pack, 'c', 1)
attempt(struct.pack, 's', 1)
attempt(struct.pack, 'p', 'x')
attempt(struct.pack, 'P', 1.0)
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'i', 1, 2)
attempt(struct.pack, 'i')
attempt(struct.pack, 1)
attempt(struct.pack)
attempt(struct.calcsize, 'z')
attempt(struct.calcsize, '3')
attempt(struct.calcsize, '<P')
attempt(struct.calcsize, '@@i')
attempt(struct.calcsize, '99999999999999999999999s')
attempt(struct.calcsize, '1000000000000s')
attempt(struct.pack, '1000000000000s', b'')
attempt(struct.calcsize, 1.5)

# unpack and friends
attempt(struct.unpack, 'i', b'abc')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack, '<i', bytearray(b'\x01\x00\x00\x00'))
attempt(struct.unpack_from, 'i', b'abc', 2)
attempt(struct.unpack_from, '<h', b'abcdefgh', 2)
attempt(struct.unpack_from, '<h', b'abcdefgh', -2)
attempt(struct.unpack_from, 'i', b'abcdefgh', -1)
attempt(struct.unpack_from, 'i', b'abcdefgh', -10)
attempt(struct.unpack_from, 'i', b'abcdefgh', 10)
print(struct.unpack_from('<h', b'\x01\x02\x03', offset=1))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
attempt(lambda: list(struct.iter_unpack('i', b'abcdefg')))
attempt(lambda: list(struct.iter_unpack('', b'abcdefg')))

buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
print(buf)
struct.pack_into('<h', buf, -2, 258)
print(buf)
attempt(struct.pack_into, 'i', bytearray(4), 2, 1)
attempt(struct.pack_into, 'i', bytearray(4), -8, 1)
attempt(struct.pack_into, 'i', bytearray(4), -2, 1)
attempt(struct.pack_into, 'i', b'1234', 0, 1)
attempt(struct.pack_into, 'i', bytearray(4), 0)

# the Struct class
s = struct.Struct('<hi')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2), list(s.iter_unpack(bytes(12))))
b2 = bytearray(6)
s.pack_into(b2, 0, 3, 4)
print(b2, struct.Struct(b'>H').format)
print(issubclass(struct.error, Exception), struct.error.__module__)
try:
    struct.pack('b', 300)
except struct.error as e:
    print('caught', e.args)
