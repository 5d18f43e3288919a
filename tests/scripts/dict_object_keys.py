# Dicts and sets keyed by objects (hashed by address) and by spaced ints:
# the hashes whose top bits are all zero (src/runtime/dict.rs, index_hash).
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
class O: pass
objs = [O() for _ in range(N)]
d = {}
for o in objs: d[o] = 1
t = 0
for o in objs: t += d[o]
s = set(objs)
print(t, len(s), sum(1 for o in objs if o in s))
di = {i * 1000: i for i in range(N)}
print(sum(di[i * 1000] for i in range(N)))
