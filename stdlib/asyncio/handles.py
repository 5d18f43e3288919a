"""Handles: a callback scheduled on the event loop, now (Handle) or at a
deadline (TimerHandle). Cancelling a handle makes the loop skip it."""

import contextvars

__all__ = ("Handle", "TimerHandle")


def _describe_callback(callback, args):
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    if name is None:
        name = repr(callback)
    if args is None:
        return name
    return f"{name}({', '.join(repr(a) for a in args)})"


class Handle:
    __slots__ = ("_callback", "_args", "_cancelled", "_loop", "_context")

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop
        self._context = contextvars.copy_context() if context is None else context

    def _state_words(self):
        words = [type(self).__name__]
        if self._cancelled:
            words.append("cancelled")
        if self._callback is not None:
            words.append(_describe_callback(self._callback, self._args))
        return words

    def __repr__(self):
        return "<" + " ".join(self._state_words()) + ">"

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            # Drop the references at once: a cancelled handle may stay in the
            # loop's queues for a while and must not keep objects alive.
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": f"Exception in callback {_describe_callback(self._callback, self._args)}",
                "exception": exc,
                "handle": self,
            })


class TimerHandle(Handle):
    __slots__ = ("_when", "_scheduled")

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _state_words(self):
        words = super()._state_words()
        words.insert(1, f"when={self._when}")
        return words

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled and self._scheduled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()
