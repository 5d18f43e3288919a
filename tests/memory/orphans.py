# 200,000 generators suspended inside try/finally, then freed at once
# ("free") or kept ("keep"). Freed suspended generators are closed (their
# finally blocks run) after the statement that freed them; waiting to be
# closed must cost them little more than they cost alive.
import sys


def counter(start, log):
    total = start
    try:
        for step in range(3):
            total += step
            yield total
    finally:
        log.append(total)


log = []
gens = [counter(i, log) for i in range(200000)]
for g in gens:
    next(g)
del g
if sys.argv[1] == "free":
    gens.clear()
    assert len(log) == 200000, len(log)
print(len(log))
