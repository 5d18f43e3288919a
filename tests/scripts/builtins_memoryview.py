# memoryview over bytes and bytearray: items, slices, writes through to the
# exporter, release, casts between one-byte formats, and every API that
# takes a bytes-like object.
b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), bytes(m[6:]), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m == b, m[:5] == b"hello", m[::-1].tobytes(), m.obj is b, list(m[:3]), m.hex(), m[:2].hex(":"))
ba = bytearray(b"abcdef")
w = memoryview(ba)
w[0] = 65
w[1:3] = b"XY"
print(ba, w.readonly, w[2])
try:
    w[0] = 300
except ValueError as e:
    print("ValueError", e)
try:
    w[0:2] = b"abc"
except ValueError as e:
    print("ValueError", e)
try:
    m[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    hash(w)
except ValueError as e:
    print("ValueError", e)
print(hash(m) == hash(b))
with memoryview(b"xyz") as v:
    print(v.tobytes())
try:
    v[0]
except ValueError as e:
    print("ValueError", e)
print(repr(v).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
try:
    memoryview("str")
except TypeError as e:
    print("TypeError", e)
c = memoryview(b"ab").cast("c")
print(c[0], c.tolist(), c.format)
s = memoryview(b"\xff\x01").cast("b")
print(s.tolist())
print(b"".join([memoryview(b"ab"), b"cd"]), bytearray(memoryview(b"q")), b"x" + memoryview(b"y") if False else "skip")
try:
    m[10]
except IndexError as e:
    print("IndexError", e)
try:
    m["a"]
except TypeError as e:
    print("TypeError", e)
print(type(m).__name__, isinstance(m, memoryview), m[2:2].tobytes(), len(m[5:1]))
print(memoryview(ba)[::2].tobytes(), memoryview(ba)[::-2].tolist())
import hashlib, base64
print(hashlib.sha1(memoryview(b"abc")).hexdigest()[:8], base64.b64encode(memoryview(b"hi")))
import struct, zlib, io, binascii
m = memoryview(b"\x01\x00\x02\x00abc")
print(struct.unpack("<HH", m[:4]), struct.unpack_from("<H", m, 2), zlib.crc32(m), binascii.hexlify(m))
print(len(zlib.compress(m)) > 0, io.BytesIO(m).read(), bytes(m[4:]).decode(), str(m[4:], "ascii"))
b = io.BytesIO()
b.write(m[4:])
print(b.getvalue(), m.tobytes().count(b"a"), m[4:].tobytes() in b"xabcx")
print(int.from_bytes(m[:2], "little"), bytearray(b"x").join([m[4:5]]), b"abc" == m[4:], m[4:] != b"abd")
import collections.abc
print(isinstance(memoryview(b""), collections.abc.Sequence))
