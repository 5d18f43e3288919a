"""The event loop's signal handlers: add_signal_handler runs a callback
on the loop, through the FIFO ready queue, each time a signal arrives.

As in CPython, a signal reaches the loop through its wake-up channel: the
Python-level handler notes the signal and wakes the loop; the iteration
that sees the wake-up queues a delivery, which queues the callbacks."""

from . import coroutines
from .handles import Handle

__all__ = ()


def _check_signal(sig):
    import signal
    if not isinstance(sig, int):
        raise TypeError(f"sig must be an int, not {sig!r}")
    if sig not in signal.valid_signals():
        raise ValueError(f"invalid signal number {sig}")
    return signal


class SignalHandling:
    """The signal half of the event loop (mixed into EventLoop)."""

    def add_signal_handler(self, sig, callback, *args):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        signal = _check_signal(sig)
        self._check_closed()
        self._signal_handlers[sig] = Handle(callback, args, self, None)
        try:
            signal.signal(sig, self._on_signal)
        except OSError as exc:
            del self._signal_handlers[sig]
            if exc.errno == 22:
                raise RuntimeError(f"sig {sig:d} cannot be caught")
            raise

    def _on_signal(self, sig, frame):
        # Runs on the main thread at a safe point, perhaps inside the loop's
        # own code: it only notes the signal and wakes the loop.
        self._signals_arrived.append(sig)
        self._wake_up()

    def _deliver_signals(self):
        arrived, self._signals_arrived = self._signals_arrived, []
        for sig in arrived:
            handle = self._signal_handlers.get(sig)
            if handle is None:
                continue
            if handle._cancelled:
                self.remove_signal_handler(sig)
            else:
                self._ready.append(handle)

    def remove_signal_handler(self, sig):
        signal = _check_signal(sig)
        if self._signal_handlers.pop(sig, None) is None:
            return False
        signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
        return True

    def _close_signal_handling(self):
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)
