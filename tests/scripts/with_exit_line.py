# Tracebacks report an exception raised by __exit__/__enter__ at the with
# statement's line; one from the body that __exit__ lets through keeps the
# body's line.
import asyncio
import sys
import traceback


class CM:
    def __init__(self, fail_enter=False, fail_exit=True):
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit

    def __enter__(self):
        if self.fail_enter:
            raise ValueError("enter")
        return self

    def __exit__(self, *a):
        if self.fail_exit:
            raise KeyError("exit")
        return False


def f():
    with CM():
        x = 1
        y = 2


def g():
    with CM() as a, \
         CM():
        pass


def h():
    with CM(True):
        pass


def n():
    with CM():
        with CM():
            z = 3
            w = 4


def body_error():
    with CM(fail_exit=False):
        a = 1
        1 / 0


def both_fail():
    with CM():
        a = 1
        1 / 0


def ret():
    with CM():
        return 1


def gen():
    with CM():
        yield 1
        yield 2


def run_gen():
    return list(gen())


def show():
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(t.name, t.lineno) for t in tb])


for fn in (f, g, h, n, body_error, both_fail, ret, run_gen):
    try:
        fn()
    except Exception:
        show()


class ACM:
    def __init__(self, suspend):
        self.suspend = suspend

    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        if self.suspend:
            await asyncio.sleep(0)
        raise KeyError("aexit")


async def am(suspend):
    async with ACM(suspend):
        q = 1
        r = 2


for suspend in (False, True):
    try:
        asyncio.run(am(suspend))
    except KeyError:
        tb = traceback.extract_tb(sys.exc_info()[2])
        print([(t.name, t.lineno) for t in tb if t.name in ("am", "__aexit__")])
