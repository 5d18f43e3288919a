import contextlib, io, sys, os
from contextlib import contextmanager, ExitStack, suppress, nullcontext, closing, redirect_stdout

@contextmanager
def tag(name):
    "Doc of tag."
    print("enter", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("caught", repr(e))
    finally:
        print("exit", name)

with tag("a") as v:
    print("body", v)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e, e.__traceback__ is not None)
print(tag("d").__doc__)

@contextmanager
def no_yield():
    if False:
        yield
@contextmanager
def two_yields():
    yield 1
    yield 2
@contextmanager
def swallow_and_yield():
    try:
        yield
    except Exception:
        yield
for cm in [no_yield, two_yields]:
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
try:
    with swallow_and_yield():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def passthrough():
    yield
try:
    with passthrough():
        raise StopIteration("si")
except StopIteration as e:
    print("StopIteration kept", e)

@contextmanager
def converts():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError("converted")
try:
    with converts():
        1 / 0
except ValueError as e:
    print("ValueError", e, type(e.__context__).__name__)

@tag("deco")
def decorated(x):
    print("in decorated", x)
    return x * 2
print(decorated(3), decorated(4))

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
print(suppress().__exit__(None, None, None))

with nullcontext(5) as n:
    print("null", n)
class Closable:
    def close(self): print("closed")
with closing(Closable()) as c:
    print(type(c).__name__)

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("to err")
print(repr(err.getvalue()))

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("in-stack"))
    stack.push(lambda *exc: print("push saw", exc[0]))
    print("stack body")

def suppressor(*exc):
    print("suppressor got", exc[0].__name__ if exc[0] else None)
    return True
with ExitStack() as stack:
    stack.push(suppressor)
    stack.callback(print, "before suppressor")
    raise KeyError
print("after suppressed stack")

def raiser(msg):
    def cb(*exc):
        raise ValueError(msg)
    return cb
try:
    with ExitStack() as stack:
        stack.push(raiser("first"))
        stack.push(raiser("second"))
        raise KeyError("orig")
except ValueError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x)); x = x.__context__
    print("chain", chain)

with ExitStack() as outer:
    outer.callback(print, "moved callback")
    inner = outer.pop_all()
    print("popped")
inner.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError", e)
print(isinstance(ExitStack(), contextlib.AbstractContextManager), issubclass(io.StringIO, contextlib.AbstractContextManager), issubclass(int, contextlib.AbstractContextManager))
class OwnCM:
    def __enter__(self): return self
    def __exit__(self, *a): return None
print(issubclass(OwnCM, contextlib.AbstractContextManager))
here = os.getcwd()
with contextlib.chdir("/"):
    print(os.getcwd())
print(os.getcwd() == here)

@contextlib.asynccontextmanager
async def atag(name):
    print("aenter", name)
    try:
        yield name
    finally:
        print("aexit", name)
class AGen:
    async def aclose(self): print("aclosed")
class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("aenter", self.name); return self.name
    async def __aexit__(self, *exc):
        print("aexit", self.name, exc[0]); return self.name == "swallow"
async def main():
    async with contextlib.AsyncExitStack() as st:
        print("entered", await st.enter_async_context(ACM("stacked")))
        async def acb(m): print("async cb", m)
        st.push_async_callback(acb, "m")
        st.callback(print, "sync cb")
        st.push_async_exit(ACM("pushed"))
    async with contextlib.AsyncExitStack() as st:
        await st.enter_async_context(ACM("swallow"))
        raise KeyError("gone")
    print("swallowed")
    try:
        await contextlib.AsyncExitStack().enter_async_context(object())
    except TypeError as e:
        print("TypeError", e)
    async with contextlib.aclosing(AGen()):
        pass
    async with nullcontext(9) as nv:
        print("async null", nv)
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("suspended")
run(main())
