# hashlib: every algorithm, incremental updates, copies, new(), errors.
import hashlib


def attempt(f, *args, **kw):
    try:
        print('ok', f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


names = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']
for name in names:
    for data in [b'', b'abc', b'a' * 1000, bytes(range(256))]:
        h = getattr(hashlib, name)(data)
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h = hashlib.new(name.upper())
    h.update(b'hello ')
    c = h.copy()
    h.update(b'world')
    c.update(bytearray(b'there'))
    print(h.hexdigest(), c.hexdigest(), h.digest()[:4])
    print(hashlib.new(name, b'hello world').hexdigest() == h.hexdigest())

print(sorted(hashlib.algorithms_guaranteed >= set(names) and names))
print(hashlib.sha256(string=b'x').hexdigest()[:16], hashlib.md5(usedforsecurity=False).hexdigest())
attempt(hashlib.sha256, 'text')
attempt(hashlib.md5().update, 'text')
attempt(hashlib.new, 'nope')
attempt(hashlib.new, 5)
