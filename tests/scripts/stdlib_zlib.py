# zlib and gzip: round trips, data compressed by C zlib, checksums, streams, containers, errors.
import zlib, gzip, io, os, tempfile

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r if len(repr(r)) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)

data = b''.join(b'line %d of some repetitive text\n' % i for i in range(2000))
for level in (-1, 0, 1, 6, 9):
    for wbits in (15, 9, -15, 31, 25):
        c = zlib.compress(data, level, wbits)
        back = zlib.decompress(c, wbits)
        print(level, wbits, back == data, len(c) < len(data) or level == 0)
        if wbits == 31:
            print(zlib.decompress(c, 47) == data, c[:3], gzip.decompress(c) == data)
        if wbits == 15:
            print(zlib.decompress(c, 47) == data, zlib.decompress(c, 0) == data, c[0])
# Streams written by C zlib.
print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9W\xc8@'\x01h\x03\x08\xb1"))
print(zlib.decompress(b"\xcbH\xcd\xc9\xc9W\xc8@'\x01", -15))
print(gzip.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\xc9\xccKU\xc8\xcfK\xe5\xca\x011J\xca\xf3\xb9\x00\x8b\xd7\xf4u\x12\x00\x00\x00'))
print(zlib.crc32(b''), zlib.crc32(b'hello'), zlib.crc32(b' world', zlib.crc32(b'hello')), zlib.crc32(data))
print(zlib.adler32(b''), zlib.adler32(b'hello'), zlib.adler32(b' world', zlib.adler32(b'hello')), zlib.adler32(data), zlib.adler32(b'x' * 100000))
# Streaming.
c = zlib.compressobj(9)
parts = [c.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(c.flush())
blob = b''.join(parts)
d = zlib.decompressobj()
out = b''.join(d.decompress(blob[i:i + 77]) for i in range(0, len(blob), 77))
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'abc') + b'extra bytes'), d.unused_data, d.eof)
print(d.decompress(b'more'), d.unused_data)
d = zlib.decompressobj()
first = d.decompress(zlib.compress(b'abcdef' * 10), 5)
print(first, len(d.unconsumed_tail) > 0, d.eof)
rest = d.decompress(d.unconsumed_tail)
print(first + rest + d.flush() == b'abcdef' * 10, d.eof)
c = zlib.compressobj(wbits=31)
g = c.compress(b'gzip stream ') + c.compress(b'pieces') + c.flush()
print(gzip.decompress(g), zlib.decompress(g, 31))
c = zlib.compressobj()
s1 = c.compress(b'sync me') + c.flush(zlib.Z_SYNC_FLUSH)
print(zlib.decompressobj().decompress(s1))
err(lambda: c.flush()[-4:] == zlib.adler32(b"sync me").to_bytes(4, "big")); err(c.flush); err(c.compress, b"x")
err(zlib.decompress, b'hello')
err(zlib.decompress, zlib.compress(b'hello world')[:-3])
err(zlib.compress, b'x', 10)
err(zlib.compress, b'x', wbits=3)
err(zlib.decompress, b'x', wbits=3)
err(zlib.compress, 'x')
err(zlib.crc32, 'x')
print(issubclass(zlib.error, Exception), zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, zlib.ZLIB_VERSION[:2])
# gzip files.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'notes.txt.gz')
    with gzip.open(path, 'wb') as f:
        print(f.write(b'first line\n'), f.write(b'second line\n'))
    with open(path, 'rb') as raw:
        head = raw.read()
    print(head[:4], head[10:20], len(head) > 20)
    with gzip.open(path) as f:
        print(f.readline(), f.read(), f.mode)
    with gzip.open(path, 'rb') as f:
        print(list(f), f.closed)
    print(f.closed)
    with gzip.open(path, 'at', encoding='utf-8') as f:
        f.write('third — line\r\nfourth\n')
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        print(repr(f.read()))
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        print([line for line in f])
    with gzip.open(path, 'wt') as f:
        f.write('replaced\n')
    with gzip.open(path, 'rt') as f:
        print(f.readline(), end='')
    print(gzip.decompress(open(path, 'rb').read()))
buf = io.BytesIO()
with gzip.GzipFile(filename='a.txt.gz', mode='wb', fileobj=buf, mtime=5) as f:
    f.write(b'hi')
print(buf.getvalue()[:16], gzip.decompress(buf.getvalue()))
f = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b'a\nb\n') * 2))
print(f.read(), f.mode)
print(gzip.compress(b'x', mtime=1)[:10], gzip.compress(b'x', 1, mtime=0)[:10])
print(gzip.decompress(gzip.compress(b'') + gzip.compress(b'two') + b'\x00\x00'))
err(gzip.decompress, b'abcdefghijkl')
err(gzip.decompress, gzip.compress(b'abc')[:-12])
err(gzip.open, '/nonexistent/x.gz', 'rz')
err(gzip.open, '/nonexistent/x.gz', 'rb', encoding='x')
err(gzip.open, 5)
