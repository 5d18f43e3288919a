"""signal: Python handlers for signals (_signal) and the enums naming
signals and the SIG_DFL/SIG_IGN dispositions. A handler runs on the main
thread at the interpreter's next safe point after the signal arrives."""

import _signal
from enum import IntEnum
from _signal import default_int_handler, raise_signal, strsignal, alarm, NSIG

_NAMES = [name for name in dir(_signal)
          if name.startswith("SIG") and not name.startswith("SIG_") and name not in ("SIGRTMIN", "SIGRTMAX")]
_NAMES.sort(key=lambda name: getattr(_signal, name))

Signals = IntEnum("Signals", [(name, getattr(_signal, name)) for name in _NAMES]
                  + [("SIGRTMIN", _signal.SIGRTMIN), ("SIGRTMAX", _signal.SIGRTMAX),
                     ("SIGIOT", _signal.SIGABRT), ("SIGCLD", _signal.SIGCHLD), ("SIGPOLL", _signal.SIGIO)],
                  module=__name__)
Handlers = IntEnum("Handlers", [("SIG_DFL", _signal.SIG_DFL), ("SIG_IGN", _signal.SIG_IGN)], module=__name__)
globals().update(Signals.__members__)
globals().update(Handlers.__members__)


def _as_enum(value, enum):
    try:
        return enum(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    if isinstance(handler, int):
        handler = int(handler)      # Handlers.SIG_IGN is SIG_IGN
    return _as_enum(_signal.signal(signalnum, handler), Handlers)


def getsignal(signalnum):
    return _as_enum(_signal.getsignal(signalnum), Handlers)


def valid_signals():
    return {_as_enum(n, Signals) for n in _signal.valid_signals()}
