# Every native function of _socket, select, _subprocess and _signal, and
# os's descriptor functions, called with a grid of bad arguments: each call
# returns or raises a Python exception; none panics or waits for ever.
# Descriptors 0-2 are left alone, and so are calls that would signal,
# wait for processes, or wait without a timeout.
import _signal
import _socket
import _subprocess
import itertools
import os
import select

values = [None, -1, 0, 1, 2**31, 2**63, -2**63, 2**100, 1.5, "x", b"x", "", [], (), ("a",),
          ("127.0.0.1", -1), ("::1", 0, 2**40, 0), object(), float("nan"), float("inf"), -0.5]
skipped = {"default_int_handler", "raise_signal", "alarm", "gaierror", "herror", "signal", "spawn"}
functions = [getattr(m, name) for m in (_socket, select, _subprocess, _signal) for name in dir(m)
             if callable(getattr(m, name)) and not name.startswith("__") and name not in skipped]
functions += [getattr(os, name) for name in ("pipe", "read", "write", "dup", "set_blocking", "get_blocking",
                                              "pidfd_open", "waitstatus_to_exitcode", "WIFEXITED",
                                              "WEXITSTATUS", "WIFSIGNALED", "WTERMSIG")]
calls = 0
for f in functions:
    for k in range(5):
        for args in itertools.product(values[:8] if k > 2 else values, repeat=k):
            if args and args[0] in (0, 1, 2):
                continue
            # Waiting for nothing without a timeout blocks by design, as in CPython.
            if f in (select._poll_events, select._ready_fds) and (
                    None in args or args and isinstance(args[0], (str, list, tuple)) and not args[0]):
                continue
            calls += 1
            try:
                result = f(*args)
            except Exception:
                continue
            # Close what was opened, so the grid never runs out of descriptors.
            for fd in result if isinstance(result, tuple) else (result,):
                if f in (_socket.socket, _socket.socketpair, os.pipe, os.dup, os.pidfd_open) and isinstance(fd, int) and fd > 2:
                    os.close(fd)
print("calls", calls)
