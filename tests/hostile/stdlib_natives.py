# The native helpers of the standard library modules, called with every
# wrong kind of argument: each must raise a Python exception, never crash.
import _hashlib
import _traceback
import _weakref
import binascii
import struct

calls = [
    lambda: struct.pack('1000000000000s', b''),
    lambda: struct.pack('99999999999999999999s'),
    lambda: struct.pack_into('i', bytearray(4), 10 ** 30, 1),
    lambda: struct.unpack_from('i', b'1234', 2 ** 62),
    lambda: struct.unpack_from('i', b'1234', -2 ** 62),
    lambda: struct.pack_into('i', bytearray(4), -2 ** 62, 1),
    lambda: struct.pack('q', 10 ** 100),
    lambda: struct.pack('e', float('nan')),
    lambda: struct.pack('0p', b'x'),
    lambda: struct.unpack('0p', b''),
    lambda: struct.iter_unpack('i', 5),
    lambda: struct.calcsize(),
    lambda: struct.unpack(),
    lambda: struct.pack_into(),
    lambda: struct.unpack_from('i'),
    lambda: binascii.hexlify(b'abc', ':', 10 ** 30),
    lambda: binascii.hexlify(b'abc', ':', -2 ** 63),
    lambda: binascii.crc32(b'abc', 10 ** 40),
    lambda: binascii.crc32(b'abc', -10 ** 40),
    lambda: binascii.crc_hqx(b'abc', 'x'),
    lambda: binascii.a2b_base64(),
    lambda: binascii.unhexlify(None),
    lambda: binascii.b2a_base64(b'x', newline=[]),
    lambda: _hashlib.new_state(5),
    lambda: _hashlib.update(5, b'x'),
    lambda: _hashlib.digest('not a state'),
    lambda: _hashlib.copy(None),
    lambda: _hashlib.update(_hashlib.new_state('md5'), 5),
    lambda: _traceback.entries(5),
    lambda: _traceback.getline(5, 10 ** 30),
    lambda: _traceback.getline('no such file', -5),
    lambda: _traceback.getline('no such file', 2 ** 40),
    lambda: _weakref.get(5),
    lambda: _weakref.new(),
    lambda: _weakref.new(5),
]
for call in calls:
    try:
        result = call()
        print('ok', repr(result)[:60])
    except BaseException as e:
        print(type(e).__name__, e)
