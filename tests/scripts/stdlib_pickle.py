# pickle: CPython's bytes for builtin values in every protocol, round trips of classes and reductions, errors.
import pickle, io, collections, re

values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, 2**31 - 1, -2**31, 2**31, 2**40, -2**70, 10**100,
          0.0, -1.5, 1e300, float('inf'), '', 'a', 'héllo', 'x' * 300, 'line\nbreak\\', b'', b'ab', b'\x00' * 300,
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 'a', (2,)], {}, {'a': 1.5}, {1: [2, 3], 'k': {'n': None}},
          set(), {1, 2}, frozenset(), frozenset({3}), bytearray(b'x'), list(range(2500)), {i: str(i) for i in range(1200)}]
for proto in range(0, 6):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        short = repr(v) if len(repr(v)) < 40 else repr(v)[:37] + '...'
        print(proto, short, back == v, type(back).__name__, data if len(data) < 70 else (len(data), data[:30], data[-10:]))
shared = [1, 2]
obj = [shared, shared, {'s': shared}]
for proto in range(6):
    back = pickle.loads(pickle.dumps(obj, proto))
    print(proto, back, back[0] is back[1], back[2]['s'] is back[0])
rec = []
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0] is back, pickle.dumps(rec))
d = {}
d['self'] = d
back = pickle.loads(pickle.dumps(d, 2))
print(back['self'] is back)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f'Point({self.x}, {self.y})'


class Reduced:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return (Reduced, (self.value * 2,))


class Stateful:
    def __init__(self):
        self.secret = 1
        self.public = 2

    def __getstate__(self):
        return {'public': self.public}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a, self.b = 1, 2


class NewArgs(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __getnewargs__(self):
        return (int(self), self.label)


class Empty:
    pass


Pair = collections.namedtuple('Pair', 'left right')
for proto in range(6):
    p = pickle.loads(pickle.dumps(Point(1, 'two'), proto))
    r = pickle.loads(pickle.dumps(Reduced(5), proto))
    s = pickle.loads(pickle.dumps(Stateful(), proto))
    e = pickle.loads(pickle.dumps(Empty(), proto))
    print(proto, p, r.value, s.__dict__, type(e).__name__)
    if proto >= 2:
        sl = pickle.loads(pickle.dumps(Slotted(), proto))
        print((sl.a, sl.b))
        n = pickle.loads(pickle.dumps(NewArgs(7, 'seven'), proto))
        print(n, n.label, pickle.loads(pickle.dumps(Pair(1, [2]), proto)))
    refs = [Point, len, pickle.dumps, collections.OrderedDict]
    back = pickle.loads(pickle.dumps(refs, proto))
    print([x.__name__ for x in back], all(a is b for a, b in zip(refs, back)))
print(pickle.dumps(Point(1, 2), 4))
print(pickle.dumps(Point, 0), pickle.dumps(len, 2), pickle.dumps(collections.OrderedDict, 4))
print(pickle.loads(pickle.dumps(ValueError('bad', 3))).args, pickle.loads(pickle.dumps(KeyError('k'))))
print(pickle.loads(pickle.dumps(complex(1, 2))), pickle.loads(pickle.dumps(range(1, 10, 3))))
buf = io.BytesIO()
pickle.dump({'a': [1, 2]}, buf)
pickle.dump('second', buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.PicklingError, pickle.PickleError))


def err(f, *a):
    try:
        f(*a)
        print('no error')
    except Exception as e:
        print(type(e).__name__, re.sub(' at 0x[0-9a-f]+', '', str(e)))


def outer():
    def inner():
        pass
    return inner


err(pickle.dumps, lambda: 1)
err(pickle.dumps, outer())
err(pickle.dumps, (x for x in []))
err(pickle.dumps, pickle)
err(pickle.dumps, 1, 6)
for bad in [b'', b'\x80\x04', b'xyz', b'\x80\x09N.', b'N', b'\x80\x02]q\x00(K\x01', b'\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00N.']:
    err(pickle.loads, bad)
err(pickle.loads, 'text')
# Python 2 str opcodes.
print(repr(pickle.loads(b"S'a\\xffb\\n'\np0\n.", encoding='latin-1')), pickle.loads(b'U\x03abcq\x00.'), repr(pickle.loads(b"S'x'\n.", encoding='bytes')))
print(repr(pickle.loads(b'Vcaf\xe9 \\u20ac\np0\n.')), pickle.dumps('caf\xe9 \u20ac \\', 0))
