# weakref: references that do not keep objects alive, the weak
# containers, proxies, WeakMethod and finalize (called directly).
import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return 'hello from ' + self.name

    def __repr__(self):
        return 'Thing(%r)' % self.name


a = Thing('a')
r = weakref.ref(a)
print(r() is a, r().name, isinstance(r, weakref.ref), weakref.ref is weakref.ReferenceType)
r2 = weakref.ref(a)
print(r == r2, hash(r) == hash(a), r() == r2())
del a
gc.collect()
print(r(), r == r2)

for bad in [1, 'text', [1], {'a': 1}, (1,), None, 2.5]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print('TypeError', e)


def function():
    pass


class Cycle:
    pass


fr = weakref.ref(function)
cr = weakref.ref(Cycle)
print(fr() is function, cr() is Cycle, weakref.ref({1, 2})() is None, weakref.ref(frozenset())() is None)

c1 = Cycle()
c2 = Cycle()
c1.other, c2.other = c2, c1
cycle_ref = weakref.ref(c1)
del c1, c2
gc.collect()
print('cycle collected:', cycle_ref() is None)

values = weakref.WeakValueDictionary()
keep = Thing('kept')
values['k'] = keep
values['t'] = Thing('temporary')
gc.collect()
print(sorted(values.keys()), 'k' in values, 't' in values, len(values), values.get('t', 'gone'), values['k'])
try:
    values['t']
except KeyError as e:
    print('KeyError', e)
values.update(x=keep)
print(sorted(values), values.pop('x') is keep, values.setdefault('k') is keep, list(values.items()))

keys = weakref.WeakKeyDictionary()
k1, k2 = Thing('one'), Thing('two')
keys[k1] = 1
keys[k2] = 2
print(len(keys), keys[k1], k2 in keys, 5 in keys, sorted(keys.values()))
del k2
gc.collect()
print(len(keys), list(keys.items()), keys.get(k1), keys.pop(k1), len(keys))

ws = weakref.WeakSet()
m1, m2 = Thing('m1'), Thing('m2')
ws.add(m1)
ws.add(m2)
ws.add(m1)
print(len(ws), m1 in ws, 'x' in ws)
del m2
gc.collect()
print(len(ws), list(ws), ws.pop() is m1, len(ws))

p = weakref.proxy(keep)
print(p.name, p.hello(), str(p))
p.name = 'renamed'
print(keep.name)
gone = Thing('gone')
gp = weakref.proxy(gone)
del gone
gc.collect()
try:
    gp.name
except ReferenceError as e:
    print('ReferenceError', e)

wm = weakref.WeakMethod(keep.hello)
print(wm()(), wm() == keep.hello)
try:
    weakref.WeakMethod(function)
except TypeError as e:
    print('TypeError', e)

log = []
target = Thing('target')
f = weakref.finalize(target, log.append, 'finalized')
print(f.alive, f.peek()[1] is log.append, f.atexit)
print(f(), f.alive, f(), log)
f2 = weakref.finalize(target, print, 'at exit')
print(f2.detach()[0] is target, f2.alive, f2.detach())
weakref.finalize(target, print, 'finalizer runs at exit')
print('end of script')
