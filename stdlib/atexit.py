"""Functions to run when the interpreter exits.

Registered functions run last registered first, after the main module has
finished (the interpreter calls `_run_exitfuncs`). An exception raised by
one is reported on stderr and the others still run.
"""

import sys

_handlers = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            import traceback
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            report = traceback.TracebackException.from_exception(exc)
            # The frame of this loop is ours, not the program's.
            if report.stack and report.stack[0].name == '_run_exitfuncs':
                del report.stack[0]
            report.print(file=sys.stderr)
