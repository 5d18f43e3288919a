# timeit, linecache, graphlib, colorsys and reprlib.
import colorsys
import graphlib
import linecache
import reprlib
import timeit

# timeit: deterministic parts only (counts, types), not the timings.
calls = []
t = timeit.Timer(lambda: calls.append(1))
print(type(t.timeit(number=5)).__name__, len(calls))
print(len(timeit.repeat('x = 1', repeat=3, number=10)), timeit.timeit('y = x * 2', setup='x = 21', number=3) >= 0)
counter = {'n': 0}
print(timeit.timeit('counter["n"] += 1', globals={'counter': counter}, number=7) >= 0, counter['n'])
for bad in [lambda: timeit.Timer('x = ('), lambda: timeit.Timer(5), lambda: timeit.Timer('pass', setup=5)]:
    try:
        bad()
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__)
print(timeit.default_timer is __import__('time').perf_counter)

# linecache: this very file.
print(repr(linecache.getline(__file__, 1)), repr(linecache.getline(__file__, 10 ** 6)), repr(linecache.getline('/no/such', 1)))
print(len(linecache.getlines(__file__)) > 10, __file__ in linecache.cache)
linecache.checkcache()
linecache.clearcache()
print(linecache.cache)

# graphlib
ts = graphlib.TopologicalSorter({'d': {'b', 'c'}, 'c': {'a'}, 'b': {'a'}})
order = list(ts.static_order())
print(order[0], order[-1], sorted(order[1:3]))
ts = graphlib.TopologicalSorter()
ts.add('app', 'lib', 'util')
ts.add('lib', 'util')
ts.prepare()
steps = []
while ts.is_active():
    ready = ts.get_ready()
    steps.append(ready)
    ts.done(*ready)
print(steps, bool(ts))
try:
    list(graphlib.TopologicalSorter({'a': ['b'], 'b': ['c'], 'c': ['a']}).static_order())
except graphlib.CycleError as e:
    print('CycleError', e.args[0], len(e.args[1]), e.args[1][0] == e.args[1][-1])
ts = graphlib.TopologicalSorter({'x': []})
for bad in [lambda: ts.get_ready(), lambda: ts.done('x')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
ts.prepare()
for bad in [lambda: ts.prepare(), lambda: ts.add('y'), lambda: ts.done('zz'), lambda: ts.done('x')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
print(ts.get_ready())
ts.done('x')
try:
    ts.done('x')
except ValueError as e:
    print('ValueError', e)

# colorsys
for rgb in [(0.2, 0.4, 0.4), (1.0, 0.0, 0.0), (0.0, 0.0, 0.0), (0.5, 0.5, 0.5), (0.1, 0.9, 0.3)]:
    yiq, hls, hsv = colorsys.rgb_to_yiq(*rgb), colorsys.rgb_to_hls(*rgb), colorsys.rgb_to_hsv(*rgb)
    print([round(v, 6) for v in yiq + hls + hsv],
          [round(v, 6) for v in colorsys.yiq_to_rgb(*yiq) + colorsys.hls_to_rgb(*hls) + colorsys.hsv_to_rgb(*hsv)])

# reprlib
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr(set(range(20))), reprlib.repr(10 ** 50))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr(frozenset()), reprlib.repr(set()), reprlib.repr([]))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'))


class Node:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % self.children


print(Node(), Node.__repr__.__name__)
