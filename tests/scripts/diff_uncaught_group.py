def f(i):
    raise ValueError(f"bad {i}")
errs = []
for i in range(3):
    try:
        f(i)
    except ValueError as e:
        errs.append(e)
try:
    {}["k"]
except KeyError as k:
    inner = ExceptionGroup("inner", [k, TypeError("t")])
raise ExceptionGroup("outer", errs + [inner])
