# array: typed storage, conversions to and from bytes, the sequence
# protocol, and the range and type errors of each typecode.
import array


def attempt(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.itemsize, repr(a), a.typecode)
for tc in 'bBhHiIlLqQ':
    size = array.array(tc).itemsize
    for v in [0, 5, -1, 2 ** (8 * size), -2 ** (8 * size - 1) - 1, 2 ** 70, -2 ** 70, 2 ** 63, 1.5, 'x', True]:
        attempt(array.array, tc, [v])
for tc in 'fd':
    for v in [1, 0.1, 1e300, -2.5, 'x', True]:
        attempt(array.array, tc, [v])
for v in ['x', 'ab', 1]:
    attempt(array.array, 'u', [v])
attempt(array.array, 'z')
attempt(array.array, 5)
attempt(array.array, 'i', 'text')

a = array.array('i', [1, 2, 3, 2])
print(a, len(a), a[0], a[-1], a[1:3], a[::-1], 2 in a, a.count(2), a.index(2), a.index(2, 2), list(a), a.tolist())
a.append(7)
a.extend([8, 9])
a.extend(array.array('i', [10]))
a.insert(0, -1)
print(a, a.pop(), a.pop(0), a)
a.remove(2)
a.reverse()
print(a, a.buffer_info()[1])
a[0] = 100
a[1:3] = array.array('i', [5, 6, 7])
del a[-1]
print(a, a.tobytes())
b = array.array('i')
b.frombytes(a.tobytes())
print(b == a, b != a, b < array.array('i', [101]), b + array.array('i', [1]), b * 2, 2 * array.array('b', [1]))
b += array.array('i', [4])
b *= 2
print(b)
h = array.array('h', [1, 256, -2])
print(h.tobytes())
h.byteswap()
print(h)
d = array.array('d', [1.5, -0.25])
print(d, d.tobytes(), array.array('f', [0.1]).tolist(), array.array('f', [0.1]).tobytes())
u = array.array('u', 'hello')
print(u, u.tounicode(), u.tobytes()[:8], u[1], len(u))
u.fromunicode(' world')
print(u.tounicode(), array.array('b', b'\x01\xff'), array.array('B', bytearray(b'\x01\xff')))
fl = array.array('l')
fl.fromlist([1, 2])
print(fl, array.array('q', fl), array.array('i', range(3)))
for bad in [lambda: a.index(999), lambda: a.remove(999), lambda: a[99], lambda: array.array('i').pop(),
            lambda: a.pop(99), lambda: a + array.array('d'), lambda: a + [1], lambda: a.extend(array.array('h')),
            lambda: a.__setitem__(slice(0, 1), [1]), lambda: a.__setitem__(slice(0, 1), array.array('d')),
            lambda: a.__setitem__(99, 1), lambda: a.frombytes(b'abc'), lambda: a.tounicode(),
            lambda: a.fromunicode('x'), lambda: a.fromlist((1,)),
            lambda: array.array('u', 'x').fromunicode(5), lambda: array.array('i', array.array('u', 'x'))]:
    attempt(bad)
import io
buf = io.BytesIO()
array.array('H', [1, 2, 3]).tofile(buf)
r = array.array('H')
buf.seek(0)
r.fromfile(buf, 3)
print(r, buf.getvalue())
buf.seek(0)
attempt(r.fromfile, buf, 5)
print(r, array.ArrayType is array.array, type(a).__name__, array.typecodes)
import copy
print(copy.copy(a) == a, copy.deepcopy(a) is not a)
