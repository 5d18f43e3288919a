"""Timing small pieces of code: Timer, timeit(), repeat(), and the
command-line interface (python -m timeit)."""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

# The name compiled statements get in tracebacks.
dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _indented(text, spaces):
    return text.replace("\n", "\n" + " " * spaces)


class Timer:
    """Times `stmt` (source text or a callable), after running `setup`
    once, with `timer` (time.perf_counter by default)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        scope = {} if globals is None else globals
        pieces = {}
        helpers = {'stmt': None, 'setup': None}
        for role, code in (('setup', setup), ('stmt', stmt)):
            if isinstance(code, str):
                compile(code, dummy_src_name, "exec")
                pieces[role] = _indented(code, 12 if role == 'stmt' else 8)
            elif callable(code):
                helpers[role] = code
                pieces[role] = '_%s()' % role
            else:
                raise ValueError("%s is neither a string nor callable" % role)
        if isinstance(stmt, str) and isinstance(setup, str):
            compile(setup + '\n' + stmt, dummy_src_name, "exec")
        # The callables reach the timing loop as closure variables.
        source = ("def _make(_stmt, _setup):\n"
                  "    def inner(_it, _timer):\n"
                  "        {setup}\n"
                  "        _t0 = _timer()\n"
                  "        for _i in _it:\n"
                  "            {stmt}\n"
                  "        _t1 = _timer()\n"
                  "        return _t1 - _t0\n"
                  "    return inner\n").format(**pieces)
        self.src = source
        # Defined in the statement's globals (so that it sees them), then
        # taken out again.
        missing = object()
        previous = scope.get('_make', missing)
        exec(compile(source, dummy_src_name, "exec"), scope)
        make = scope.pop('_make')
        if previous is not missing:
            scope['_make'] = previous
        self.inner = make(helpers['stmt'], helpers['setup'])

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken by `number` runs of the statement."""
        it = itertools.repeat(None, number)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if was_enabled:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, time) for the first number in 1, 2, 5, 10, 20, 50, ...
        whose run takes at least 0.2 seconds."""
        scale = 1
        while True:
            for factor in (1, 2, 5):
                number = scale * factor
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return number, taken
            scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


def main(args=None, *, _wrap_timer=None):
    import getopt
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(args, "n:u:s:r:tcpvh",
                                   ["number=", "setup=", "repeat=", "process", "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}
    settings = {'timer': default_timer, 'number': 0, 'repeat': default_repeat, 'unit': None}
    setup = []
    stmt = "\n".join(args) or "pass"
    for option, value in opts:
        name = option.lstrip('-')[:1]
        if name == 'h':
            print(__doc__, end=' ')
            return 0
        if name == 'n':
            settings['number'] = int(value)
        elif name == 's':
            setup.append(value)
        elif name == 'r':
            settings['repeat'] = max(int(value), 1)
        elif name == 'p':
            settings['timer'] = time.process_time
        elif name == 'u':
            if value not in units:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.", file=sys.stderr)
                return 2
            settings['unit'] = value
    timer, number = settings['timer'], settings['number']
    repeat_count, unit = settings['repeat'], settings['unit']
    t = Timer(stmt, "\n".join(setup) or "pass", timer)
    if number == 0:
        number, _ = t.autorange()
    raw = t.repeat(repeat_count, number)
    best = min(raw)
    per_loop = best / number

    def fmt(dt):
        scale_unit = unit
        if scale_unit is None:
            for scale_unit, scale in sorted(units.items(), key=lambda kv: kv[1], reverse=True):
                if dt >= scale:
                    break
        return "%.*g %s" % (3, dt / units[scale_unit], scale_unit)

    print("%d loop%s, best of %d: %s per loop" % (number, 's' if number != 1 else '', repeat_count, fmt(per_loop)))
    return None


if __name__ == "__main__":
    sys.exit(main())
