"""asyncio for tulip: CPython 3.11's event loop semantics, written in Python
around a native core (_asyncio, src/aio/: Future, Task, handles, the ready queue).

The loop watches descriptors (sockets, pipes) and sleeps in poll(2);
signals are not handled."""

from .exceptions import *
from .coroutines import *
from .events import *
from .handles import *
from .futures import *
from .tasks import *
from .waiting import *
from .gathering import *
from .timeouts import *
from .taskgroups import *
from .locks import *
from .queues import *
from .runners import *
from .threads import *
from .loop import EventLoop, _UnixSelectorEventLoop

from . import (coroutines, events, exceptions, futures, gathering, handles, locks,
               queues, runners, taskgroups, tasks, threads, timeouts, waiting)

# Streams and subprocesses load on first use, so that a program without
# I/O does not pay for them (module __getattr__, PEP 562).
_LAZY = {
    "streams": ("StreamReader", "StreamWriter", "Server", "open_connection", "start_server",
                "open_unix_connection", "start_unix_server"),
    "subprocess": ("create_subprocess_exec", "create_subprocess_shell"),
}
_LAZY_NAMES = tuple(name for names in _LAZY.values() for name in names)


def __getattr__(name):
    import importlib
    for module, names in _LAZY.items():
        if name == module:
            return importlib.import_module(f"{__name__}.{module}")
        if name in names:
            return getattr(importlib.import_module(f"{__name__}.{module}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# CPython's names for its loop classes.
BaseEventLoop = SelectorEventLoop = _UnixSelectorEventLoop

__all__ = (exceptions.__all__ + coroutines.__all__ + events.__all__ + handles.__all__
           + futures.__all__ + tasks.__all__ + waiting.__all__ + gathering.__all__
           + timeouts.__all__ + taskgroups.__all__ + locks.__all__ + queues.__all__
           + runners.__all__ + threads.__all__ + _LAZY_NAMES + ("BaseEventLoop", "SelectorEventLoop"))
