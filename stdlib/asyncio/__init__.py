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
from .streams import *
from .subprocess import *
from .loop import EventLoop, _UnixSelectorEventLoop

from . import (coroutines, events, exceptions, futures, gathering, handles, locks,
               queues, runners, streams, subprocess, taskgroups, tasks, threads, timeouts, waiting)

# CPython's names for its loop classes.
BaseEventLoop = SelectorEventLoop = _UnixSelectorEventLoop

__all__ = (exceptions.__all__ + coroutines.__all__ + events.__all__ + handles.__all__
           + futures.__all__ + tasks.__all__ + waiting.__all__ + gathering.__all__
           + timeouts.__all__ + taskgroups.__all__ + locks.__all__ + queues.__all__
           + runners.__all__ + threads.__all__ + streams.__all__ + subprocess.__all__ + ("BaseEventLoop", "SelectorEventLoop"))
