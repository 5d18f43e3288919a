"""The event loop interface, the running loop and the current loop.

The running loop is per thread (a loop may run in each thread, as with
asyncio.run() inside a worker thread); the policy's "current loop" is one
module global."""

# The running loop of each thread is kept natively (src/aio/running.rs):
# every sleep, future and queue wait asks for it.
from _asyncio import _get_running_loop, _set_running_loop, get_running_loop

__all__ = ("AbstractEventLoop", "AbstractEventLoopPolicy", "DefaultEventLoopPolicy",
           "get_event_loop", "get_event_loop_policy", "get_running_loop",
           "new_event_loop", "set_event_loop", "set_event_loop_policy",
           "_get_running_loop", "_set_running_loop")


def _abstract(*names):
    """Class decorator: one method per name that raises NotImplementedError."""
    def add(cls):
        for name in names:
            def method(self, *args, **kwargs):
                raise NotImplementedError
            method.__name__ = method.__qualname__ = name
            setattr(cls, name, method)
        return cls
    return add


@_abstract("run_forever", "run_until_complete", "stop", "is_running", "is_closed",
           "close", "shutdown_asyncgens", "shutdown_default_executor",
           "call_soon", "call_later", "call_at", "time", "create_future",
           "create_task", "call_soon_threadsafe", "run_in_executor",
           "set_default_executor", "set_task_factory", "get_task_factory",
           "get_exception_handler", "set_exception_handler",
           "default_exception_handler", "call_exception_handler",
           "get_debug", "set_debug")
class AbstractEventLoop:
    """What every event loop provides."""


@_abstract("get_event_loop", "set_event_loop", "new_event_loop")
class AbstractEventLoopPolicy:
    """Where get_event_loop() and new_event_loop() find their loops."""


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        from .loop import EventLoop
        return EventLoop()


_policy = None


def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _policy = policy


def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
