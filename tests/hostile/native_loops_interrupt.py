# Native loops whose length the script chooses (consuming an iterator,
# math.comb and math.perm) answer signals: a handler that raises ends them,
# where they would otherwise run for years. (CPython's C loops do not check
# for signals here; tulip's poll the same flag as its safe points.)
import math
import signal


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm()


signal.signal(signal.SIGALRM, on_alarm)
for expr in [
    "sum(range(2**62))",
    "max(range(2**62))",
    "any(x < 0 for x in range(2**62))",
    "sum(map(abs, range(2**62)))",
    "math.comb(2**40, 2**30)",
    "math.perm(2**40, 2**30)",
]:
    signal.alarm(1)
    try:
        eval(expr)
        print(expr, "finished")
    except Alarm:
        print(expr, "interrupted")
signal.alarm(0)
