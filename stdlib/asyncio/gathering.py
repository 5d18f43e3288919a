"""gather() and shield(): futures derived from other awaitables."""

import contextvars

from . import events, futures
from .exceptions import CancelledError
from .tasks import ensure_future

__all__ = ("gather", "shield")


class _GatheringFuture(futures.Future):
    """The future gather() returns: cancelling it cancels its children."""

    __slots__ = ("_children", "_cancel_requested")

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            # The children's done-callbacks will finish this future; it must
            # end cancelled even if every child ends otherwise.
            self._cancel_requested = True
        return cancelled_any


def _outcome(child):
    """A finished child's entry in the result list of gather(return_exceptions=True)."""
    if child.cancelled():
        return CancelledError("" if child._cancel_message is None else child._cancel_message)
    exc = child.exception()
    return child.result() if exc is None else exc


def gather(*aws, return_exceptions=False):
    """Run the awaitables concurrently; the returned future gives the list of
    their results in argument order. Without return_exceptions the first
    error (or cancellation) of a child becomes the outcome at once, and the
    other children keep running."""
    if not aws:
        outer = events.get_event_loop().create_future()
        outer.set_result([])
        return outer

    children = []
    by_arg = {}                 # one child per distinct awaitable
    loop = None
    outer = None
    finished = 0
    expected = 0

    def on_child_done(child):
        nonlocal finished
        finished += 1
        if outer is None or outer.done():
            if not child.cancelled():
                child.exception()       # retrieved: no "never retrieved" report
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished < expected:
            return
        results = [_outcome(c) for c in children]
        if outer._cancel_requested:
            outer.set_exception(child._make_cancelled_error())
        else:
            outer.set_result(results)

    # on_child_done reads and sets no context variables, so one copy of
    # the context serves every child (not one copy per child).
    context = contextvars.copy_context()
    for arg in aws:
        child = by_arg.get(arg)
        if child is None:
            child = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(child)
            by_arg[arg] = child
            child.add_done_callback(on_child_done, context=context)
        children.append(child)
    # The callback counts against a number, not the dict: the dict (an
    # entry per child) is freed on return instead of living as long as the
    # children run.
    expected = len(by_arg)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """A future that follows `arg` but whose cancellation leaves `arg` running."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = futures._get_loop(inner).create_future()

    def copy_inner(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()       # retrieved: nobody else will look
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def forget_inner(outer):
        if not inner.done():
            inner.remove_done_callback(copy_inner)

    inner.add_done_callback(copy_inner)
    outer.add_done_callback(forget_inner)
    return outer
