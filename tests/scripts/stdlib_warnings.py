import sys, warnings
def w(msg, cat=UserWarning, lineno=4, registry=None, module="mod"):
    warnings.warn_explicit(msg, cat, "file.py", lineno, module, registry)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    w("a"); w("a"); w("b", RuntimeWarning)
    print([(str(x.message), x.category.__name__, x.filename, x.lineno) for x in log])
for action in ["once", "module", "default"]:
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        reg = {}
        for line in (1, 1, 2, 3):
            w(action + "-msg", lineno=line, registry=reg)
        w(action + "-msg", lineno=1, registry={})
        print(action, len(log), sorted(k for k in reg if k != "version"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        w("boom")
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("error", category=RuntimeWarning)
    warnings.filterwarnings("ignore", module="quiet")
    warnings.filterwarnings("ignore", lineno=99)
    w("skip this"); w("keep this"); w("Skip too"); w("from quiet", module="quiet"); w("at 99", lineno=99)
    try:
        w("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("rt raised", e)
    print([str(x.message) for x in log])
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        w("x")
    except RuntimeError as e:
        print("RuntimeError", str(e).splitlines()[0])
cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
with cw:
    pass
try:
    cw.__enter__()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    warnings.catch_warnings().__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError", e)
with warnings.catch_warnings(record=True, action="always") as log:
    warnings.warn(UserWarning("instance"))
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    print([(str(x.message), x.category.__name__) for x in log])
for bad in [lambda: warnings.simplefilter("nope"), lambda: warnings.warn("x", int), lambda: warnings.filterwarnings("error", lineno=-1),
            lambda: warnings.filterwarnings("error", message=1), lambda: warnings.filterwarnings("error", category=1), lambda: warnings.filterwarnings("error", category=int)]:
    try:
        bad()
    except (AssertionError, TypeError) as e:
        print(type(e).__name__, e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  the line  "), end="")
print(repr(warnings.formatwarning("msg", UserWarning, "nofile.py", 3, "")))
old = warnings.showwarning
warnings.showwarning = lambda *a: print("custom", a[0], a[1].__name__, a[2], a[3])
with warnings.catch_warnings():
    warnings.simplefilter("always")
    w("via custom")
warnings.showwarning = old
import io
buf = io.StringIO()
warnings.showwarning("shown", SyntaxWarning, "f.py", 7, file=buf, line="x = 1")
print(repr(buf.getvalue()))
n = len(warnings.filters)
warnings.simplefilter("ignore", append=True); warnings.simplefilter("ignore", append=True)
warnings.simplefilter("error"); warnings.simplefilter("error")
print(len(warnings.filters) - n, warnings.filters[0][0])
warnings.resetwarnings(); print(warnings.filters)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    warnings.onceregistry.clear()
    warnings.warn_explicit("m", UserWarning, "f.py", 1, "mod", None)
    warnings.warn_explicit("m", UserWarning, "f.py", 2, "mod", None)
    print(len(log), [k for k in warnings.onceregistry if k != "version"])
    for action in ["ignore", "module", "default", "always"]:
        warnings.simplefilter(action)
        r = {}
        for line in (3, 3, 4):
            warnings.warn_explicit(action, UserWarning, "f.py", line, "mod", r)
        warnings.warn_explicit(action, UserWarning, "f.py", 3, "mod", None)
        print(action, len(log), [k[2:] for k in r if k != "version"])
    try:
        warnings.warn_explicit("x", UserWarning, "f.py", 3, "mod", [])
    except TypeError as e:
        print("TypeError", e)
