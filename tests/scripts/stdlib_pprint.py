# pprint: layouts of nested containers at several widths, sorting, depth,
# compact mode, long strings and bytes, recursion and the helpers.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass
from types import SimpleNamespace

data = {
    'name': 'example', 'numbers': list(range(30)), 'nested': {'b': [1, 2, {'z': 1, 'a': 2}], 'a': (1, 2, 3)},
    'empty': [], 'tuple1': (1,), 'set': {3, 1, 2}, 'frozen': frozenset({2, 1}), 'float': 3.25,
    'none': None, 'bool': True, 'text': 'a fairly long string ' * 6, 'bytes': b'\x00\x01binary data' * 5,
    10: 'int key', 2.5: 'float key',
}
pprint.pprint(data)
for width in [120, 60, 30, 10, 1]:
    print(pprint.pformat(data['nested'], width=width))
print(pprint.pformat(data, width=50, sort_dicts=False))
print(pprint.pformat(data['numbers'], compact=True, width=40))
print(pprint.pformat([list(range(8))] * 4, compact=True, width=30))
print(pprint.pformat(data, depth=1))
print(pprint.pformat(data['nested'], depth=2))
print(pprint.pformat(data['nested'], indent=4, width=20))
print(pprint.pformat([[1, 2], [3, 4]], indent=3, width=8))
print(pprint.pformat({'key': 'x' * 100}, width=40))
print(pprint.pformat('line one\nline two is longer than the width of the output\n', width=30))
print(pprint.pformat(['word ' * 20], width=40))
print(pprint.pformat(bytearray(b'abcdefgh' * 10), width=40))
print(pprint.pformat(10 ** 12, underscore_numbers=True), pprint.pformat([12345678], underscore_numbers=True))
print(pprint.pformat(OrderedDict((str(i), i) for i in range(12)), width=40))
dd = defaultdict(list, {'a': [1] * 20, 'b': [2]})
print(pprint.pformat(dd, width=40))
print(pprint.pformat(Counter('abracadabra' * 5), width=30))
print(pprint.pformat(deque(range(30)), width=40), pprint.pformat(deque(range(30), maxlen=40), width=40))
print(pprint.pformat(SimpleNamespace(alpha=list(range(20)), beta='text'), width=40))


@dataclass
class Point:
    x: int
    y: list


print(pprint.pformat(Point(1, list(range(30))), width=40))
print(pprint.pformat({(1, 2): [3, 4], (0,): None, 'mixed': [1, 'a', None]}))
print(pprint.pformat({1: 'a', 'b': 2, None: 3, (1,): 4}))
recursive = [1, 2]
recursive.append(recursive)
print(pprint.pformat(recursive).replace(str(id(recursive)), 'ID'), pprint.saferepr(recursive).replace(str(id(recursive)), 'ID'))
d = {'self': None}
d['self'] = d
print(pprint.pformat(d).replace(str(id(d)), 'ID'))
print(pprint.isreadable([1, 'a']), pprint.isreadable(recursive), pprint.isreadable(object()),
      pprint.isrecursive(recursive), pprint.isrecursive([1]))
print(pprint.saferepr({'b': 1, 'a': [2, 3]}))
pp = pprint.PrettyPrinter(width=20, indent=2)
pp.pprint(list(range(10)))
print(pp.pformat({'a': 1}), pp.isreadable(1), pp.isrecursive([]))
pprint.pp({'b': 1, 'a': 2, 'c': list(range(25))})
for bad in [dict(indent=-1), dict(width=0), dict(depth=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)
for n in range(1, 40, 6):
    for w in (10, 17, 25):
        print(pprint.pformat([b'abcdefghij' * n, 'word ' * n], width=w))
        print(pprint.pformat({'k': bytes(range(n)), 'j': 'x y' * n}, width=w))
