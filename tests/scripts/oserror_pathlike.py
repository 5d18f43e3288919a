# OSErrors from os functions and open() given a pathlib path record and show
# the path string, as CPython's path converter does.
import os, pathlib
p = pathlib.Path("/nonexistent/x")
for fn in (os.stat, os.listdir, os.remove, os.rmdir, os.lstat, open, os.chdir):
    try:
        fn(p)
    except OSError as e:
        print(fn.__name__, type(e).__name__, e, e.filename == p, type(e.filename).__name__)
try:
    os.rename(p, pathlib.Path("/nonexistent/y"))
except OSError as e:
    print(e)
try:
    p.read_text()
except OSError as e:
    print(e)
class P:
    def __fspath__(self):
        return "/nonexistent/z"
try:
    os.stat(P())
except OSError as e:
    print(e, repr(e.filename))
