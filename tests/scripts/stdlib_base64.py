# base64 and binascii: encodings both ways, options, and error cases.
import base64
import binascii


def attempt(f, *args, **kw):
    try:
        print('ok', f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40], b'\xff\xfe\xfd']
for d in data:
    e64 = base64.b64encode(d)
    print(e64, base64.b64decode(e64) == d, base64.urlsafe_b64encode(d), base64.standard_b64encode(d))
    e32 = base64.b32encode(d)
    print(e32, base64.b32decode(e32) == d, base64.b32hexencode(d), base64.b32hexdecode(base64.b32hexencode(d)) == d)
    e16 = base64.b16encode(d)
    print(e16, base64.b16decode(e16) == d, base64.b16decode(e16.lower(), casefold=True) == d)
    e85 = base64.b85encode(d)
    print(e85, base64.b85decode(e85) == d, base64.b85encode(d, pad=True))
    a85 = base64.a85encode(d)
    print(a85, base64.a85decode(a85) == d, base64.a85encode(d, adobe=True))
    print(base64.encodebytes(d), base64.decodebytes(base64.encodebytes(d)) == d)
    print(binascii.hexlify(d), binascii.b2a_hex(d), binascii.crc32(d), binascii.crc_hqx(d, 0))

print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.b64decode('Zm9v'), base64.urlsafe_b64decode('-_8='), base64.b64decode(b'Zm9v\nYmFy'))
print(base64.encodebytes(bytes(100)))
print(base64.a85encode(b'    xyz', foldspaces=True), base64.a85encode(bytes(8)), base64.a85decode(b'z'))
print(base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode(b'MZXW6YQ=', map01=b'L'))
attempt(base64.b64decode, b'Zm9', validate=False)
attempt(base64.b64decode, b'Zm9vY', validate=False)
attempt(base64.b64decode, b'Zm9v!', validate=True)
attempt(base64.b64decode, b'Zm9v=Zm9v', validate=True)
attempt(base64.b64decode, b'=Zm9v', validate=True)
attempt(base64.b64decode, b'Zm9vYg==x', validate=True)
attempt(base64.b64decode, b'Zm9v!')
attempt(base64.b64decode, 'é')
attempt(base64.b64decode, 5)
attempt(base64.b64encode, 'text')
attempt(base64.b32decode, b'abc')
attempt(base64.b32decode, b'MZXW6!==')
attempt(base64.b32decode, b'MZXW6Y==')
attempt(base64.b16decode, b'0g')
attempt(base64.b16decode, b'abc')
attempt(base64.b16decode, b'ab')
attempt(base64.b85decode, b'|NsC0~')
attempt(base64.a85decode, b'abc~>', adobe=True)
attempt(base64.decodebytes, 'abc')

print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ':', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', b'-', -2))
print(binascii.hexlify(b'abc', sep='_', bytes_per_sep=1), binascii.unhexlify('616263'), binascii.a2b_hex(b'6A6b'))
print(binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64('aGk='), binascii.crc32(b'abc', 5), binascii.crc32(b'abc', -1))
print(binascii.a2b_base64(b'a!G=k=='), binascii.a2b_base64(b'aGk=ignored'))
attempt(binascii.unhexlify, b'abc')
attempt(binascii.unhexlify, b'zz')
attempt(binascii.unhexlify, 'é')
attempt(binascii.unhexlify, 3)
attempt(binascii.hexlify, 'abc')
attempt(binascii.hexlify, b'abc', 'ab')
attempt(binascii.a2b_base64, b'a')
attempt(binascii.a2b_base64, b'abcde')
attempt(binascii.a2b_base64, b'ab=')
attempt(binascii.a2b_base64, b'=ab', strict_mode=True)
attempt(binascii.a2b_base64, b'ab!c', strict_mode=True)
attempt(binascii.a2b_base64, b'aGk=x', strict_mode=True)
attempt(binascii.a2b_base64, b'aG=k', strict_mode=True)
attempt(binascii.crc32, 'abc')
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)
