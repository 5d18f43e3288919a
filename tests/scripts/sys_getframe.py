# sys._getframe: the running frames, their code, line, globals and f_back,
# as logging (funcName, lineno) and traceback.extract_stack read them.
import sys

def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno, f.f_globals["__name__"]

def inner():
    names = []
    for i in range(3):
        names.append(sys._getframe(i).f_code.co_name)
    return where(), where(2), names

def outer():
    return inner()

print(outer())
f = sys._getframe()
print(f.f_code.co_name, f.f_back, f.f_locals is globals(), type(f).__name__)
for bad in (50, "x"):
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append((f.f_code.co_name, f.f_back is None))
        f = f.f_back
    return names
def a(): return chain()
def b(): return a()
print(b())

class K:
    name = sys._getframe().f_code.co_name
    line = sys._getframe().f_lineno
    back = sys._getframe(1).f_code.co_name
print(K.name, K.line, K.back)

def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
def driver():
    return list(gen())
print(driver())

def raiser():
    try:
        raise ValueError
    except ValueError:
        return sys._getframe().f_lineno
print(raiser())

import logging
logging.basicConfig(format="%(funcName)s:%(lineno)d:%(module)s %(message)s", stream=sys.stdout)
def logs():
    logging.warning("hello")
logs()
import traceback
def stack():
    return [(fs.name, fs.lineno) for fs in traceback.extract_stack()]
print(stack())
print(sys._getframe(-5).f_code.co_name)

import threading
seen = []
def in_thread():
    seen.append(sys._getframe(0).f_code.co_name)
    seen.append(sys._getframe(1).f_code.co_name)
    try:
        sys._getframe(5)
    except ValueError:
        seen.append("bottom")
t = threading.Thread(target=in_thread)
t.start()
t.join()
print(seen)
