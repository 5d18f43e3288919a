# The with statement's protocol: __enter__/__exit__ looked up on the type
# (not the instance), functions, builtins, staticmethods, classmethods and
# other callables as the methods, suppression, an exit that raises, an
# __exit__ replaced while the body runs, and several managers at once.
import threading


class Plain:
    def __init__(self, tag, suppress=False):
        self.tag, self.suppress = tag, suppress

    def __enter__(self):
        print("enter", self.tag)
        return self.tag

    def __exit__(self, typ, value, tb):
        print("exit", self.tag, typ.__name__ if typ else None, value)
        return self.suppress


with Plain("a") as x, Plain("b") as y:
    print("body", x, y)

with Plain("s", suppress=True):
    raise KeyError("hidden")
print("after suppressed")

try:
    with Plain("n"):
        raise ValueError("shown")
except ValueError as e:
    print("caught", e)


class Static:
    @staticmethod
    def __enter__():
        print("static enter")

    @classmethod
    def __exit__(cls, *exc):
        print("classmethod exit", cls.__name__, len(exc))


with Static():
    pass


class Instance:
    pass


inst = Instance()
inst.__enter__ = lambda: print("instance attribute")
inst.__exit__ = lambda *a: None
try:
    with inst:
        pass
except TypeError as e:
    print("TypeError", e)


class OnlyEnter:
    def __enter__(self):
        print("not called")


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError", e)


class Swapped:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("original exit")


with Swapped():
    Swapped.__exit__ = lambda self, *exc: print("replaced exit")
with Swapped():
    pass


class RaisingExit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("from exit")


try:
    with RaisingExit():
        raise KeyError("body")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))


class CallableExit:
    def __call__(self, *args):
        print("callable object exit", len(args))


class UsesCallable:
    __exit__ = CallableExit()

    def __enter__(self):
        return 1


with UsesCallable() as v:
    print("value", v)

lock = threading.Lock()
rlock = threading.RLock()
with lock, rlock, rlock:
    print("locked", lock.locked())
print("released", lock.locked())
try:
    with lock:
        raise IndexError("inside")
except IndexError:
    print("released after error", lock.locked())


def gen():
    with Plain("in generator") as t:
        yield t
        yield "second"


print(list(gen()))
