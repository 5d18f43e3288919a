# traceback: formatting exceptions, their chains and their frames.
import io
import sys
import traceback


def clean(text):
    return text.replace(__file__, 'FILE')


def show(lines):
    print(clean(''.join(lines)), end='')


def inner():
    raise ValueError("bad value")


def middle():
    inner()


def outer():
    middle()


try:
    outer()
except ValueError:
    print(clean(traceback.format_exc()), end='')
    print(clean(traceback.format_exc(limit=1)), end='')
    print(clean(traceback.format_exc(limit=-1)), end='')
    exc = sys.exc_info()[1]

show(traceback.format_exception(exc))
show(traceback.format_exception(type(exc), exc, exc.__traceback__))
show(traceback.format_exception(exc, limit=2))
print(traceback.format_exception_only(exc))
print(traceback.format_exception_only(type(exc), exc))
show(traceback.format_tb(exc.__traceback__))
show(traceback.format_tb(exc.__traceback__, limit=1))
frames = traceback.extract_tb(exc.__traceback__)
print(len(frames), [f.name for f in frames], [f.lineno for f in frames], [f.line for f in frames])
name_of_file, lineno, func, line = frames[-1]
print(clean(name_of_file), lineno, func, line, clean(repr(frames[0])))
show(traceback.format_list(frames))
show(traceback.format_list([('a.py', 3, 'f', 'x = 1'), ('b.py', 4, 'g', None)]))
err = io.StringIO()
traceback.print_exception(exc, file=err)
traceback.print_tb(exc.__traceback__, file=err)
print(clean(err.getvalue()), end='')
print(traceback.format_exc())
print(traceback.format_exception(None))
print(traceback.format_exception_only(None))


def cause():
    try:
        int('missing')
    except ValueError as e:
        raise RuntimeError("lookup failed") from e


def context():
    try:
        raise ZeroDivisionError('division by zero')
    except ZeroDivisionError:
        raise TypeError("while handling")


for f in (cause, context):
    try:
        f()
    except Exception as e:
        show(traceback.format_exception(e))
        show(traceback.format_exception(e, chain=False))

try:
    try:
        raise KeyError('k')
    except KeyError:
        raise OSError(2, 'No such file') from None
except OSError as e:
    show(traceback.format_exception(e))


class MyError(Exception):
    pass


try:
    raise MyError()
except MyError as e:
    print(traceback.format_exception_only(e))
try:
    raise MyError('with', 'args')
except MyError as e:
    print(traceback.format_exception_only(e))
e = ValueError('noted')
e.add_note('a note')
e.add_note('another')
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(StopIteration()))

te = traceback.TracebackException.from_exception(exc)
print(te.exc_type.__name__, str(te), len(te.stack), te.stack[0].name)
show(te.format())
print(list(te.format_exception_only()))
try:
    cause()
except RuntimeError as e:
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__cause__).__name__, te.__cause__.exc_type.__name__, te.__context__ is not None)
fs = traceback.FrameSummary('f.py', 10, 'func', line='  code here  ')
print(fs.line, fs.filename, fs.lineno, fs.name, fs == ('f.py', 10, 'func', 'code here'))
print(traceback.StackSummary.from_list([('a.py', 1, 'm', 'pass')]).format())
try:
    traceback.format_exception(ValueError, ValueError('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    traceback.format_exception(42)
except Exception as e:
    print(type(e).__name__, e)


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    recurse(n - 1)


try:
    recurse(6)
except RecursionError as e:
    show(traceback.format_exception(e))
