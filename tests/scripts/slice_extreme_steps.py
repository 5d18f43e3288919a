# Slices with steps and bounds near and beyond i64's limits, on every
# sliceable builtin: reading, deleting, assigning and slice.indices().
import sys
M = sys.maxsize
for step in [1, -1, 3, -3, M, -M, -M - 1, M + 5, -(M + 5)]:
    for a in [None, 2, -2, M, -M, M * 4]:
        for b in [None, 7, -7, M, -M - 10]:
            sl = slice(a, b, step)
            out = []
            for seq in [bytes(range(10)), bytearray(range(10)), range(10), range(0, 30, 3), list(range(10)), tuple(range(10)), "0123456789", "αβγδεζηθικ", memoryview(bytes(range(10)))]:
                try:
                    r = seq[sl]
                    out.append(list(r) if not isinstance(r, str) else r)
                except Exception as e:
                    out.append(type(e).__name__)
            try:
                x = list(range(10)); del x[sl]; out.append(x)
            except Exception as e:
                out.append(type(e).__name__)
            try:
                x = list(range(10)); x[sl] = x[sl]; out.append(x)
            except Exception as e:
                out.append(type(e).__name__)
            try:
                x = bytearray(range(10)); del x[sl]; out.append(list(x))
            except Exception as e:
                out.append(type(e).__name__)
            try:
                out.append(sl.indices(10))
            except Exception as e:
                out.append(type(e).__name__)
            print(step, a, b, out)

l = list(range(10))
for step in [1, 2, 3, -1, -2, -3, 7, -7, sys.maxsize, -sys.maxsize, -sys.maxsize - 1, 100]:
    for a in [None, 0, 3, -3, 20, -20]:
        for b in [None, 0, 5, -5, 20, -20]:
            r = l[a:b:step]
            t = tuple(l)[a:b:step]
            s = "abcdefghij"[a:b:step]
            assert list(t) == r and len(s) == len(r), (a, b, step)
            print(step, a, b, r)
m = list(range(8)); m[1:4] = (9, 9, 9); print(m)
m[::2] = "abcd"; print(m)
m[2:3] = []; print(m)
m[:] = m; print(m)
class I:
    def __index__(self): return 2
print(l[I():I()+3 if False else 5], l[::I()])
