"""Helpers for the with statement.

- contextmanager / asynccontextmanager: a context manager from a generator
  that yields once (setup before the yield, teardown after it);
- ExitStack / AsyncExitStack: a run-time stack of exit callbacks;
- small managers: closing, aclosing, suppress, nullcontext, chdir,
  redirect_stdout, redirect_stderr;
- the ABCs AbstractContextManager and AbstractAsyncContextManager, and the
  ContextDecorator mixins that let a manager decorate a function.
"""

import abc
import sys
from functools import wraps
from types import GenericAlias

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing", "chdir"]


def _implements(cls, *names):
    from _collections_abc import _check_methods
    return _check_methods(cls, *names)


class AbstractContextManager(abc.ABC):
    """An abstract base class for context managers."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _implements(C, "__enter__", "__exit__")


class AbstractAsyncContextManager(abc.ABC):
    """An abstract base class for asynchronous context managers."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractAsyncContextManager:
            return NotImplemented
        return _implements(C, "__aenter__", "__aexit__")


class ContextDecorator(object):
    """Mixin for context managers: `@manager` on a function runs each call of
    it inside `with manager:`."""

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return wraps(func)(inner)

    def _recreate_cm(self):
        # The manager each call enters; one that can be entered only once
        # returns a fresh copy.
        return self


class AsyncContextDecorator(object):
    """Mixin for async context managers: `@manager` on a coroutine function
    runs each call of it inside `async with manager:`."""

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return wraps(func)(inner)

    def _recreate_cm(self):
        return self


# --- managers made from generators -------------------------------------------

def _passes_through(raised, thrown, traceback, stop_types):
    """Whether `raised`, which came out of a generator we threw `thrown` into,
    is really `thrown` going on its way (then __exit__ returns False and the
    with statement re-raises it) rather than a new failure."""
    if raised is thrown:
        raised.__traceback__ = traceback
        return True
    # A StopIteration thrown into a generator comes back as a RuntimeError
    # whose cause it is (PEP 479).
    if (isinstance(raised, RuntimeError) and isinstance(thrown, stop_types)
            and raised.__cause__ is thrown):
        thrown.__traceback__ = traceback
        return True
    return False


class _GeneratorContextManagerBase:
    """What the managers of @contextmanager and @asynccontextmanager share:
    the generator, and the call that made it (to make another)."""

    def __init__(self, func, args, kwds):
        self.func, self.args, self.kwds = func, args, kwds
        self.gen = func(*args, **kwds)
        # The instance documents itself with the generator function's doc.
        own_doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        # Each use as a decorator needs a new generator.
        return self.__class__(self.func, self.args, self.kwds)

    def _forget_arguments(self):
        # Once entered, this manager cannot be recreated: drop what that needs.
        del self.args, self.kwds, self.func


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._forget_arguments()
        for value in self.gen:
            return value
        raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            # The generator must end now; a second yield is an error.
            for _ in self.gen:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    self.gen.close()
            return False
        if value is None:
            value = typ()  # an instance, to recognise it when it comes back
        try:
            self.gen.throw(typ, value, traceback)
        except StopIteration as finished:
            # The generator caught the exception and ended: suppressed.  A
            # StopIteration raised by the with block itself is not.
            return finished is not value
        except BaseException as raised:
            if _passes_through(raised, value, traceback, StopIteration):
                return False
            raise
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase,
                                    AbstractAsyncContextManager, AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._forget_arguments()
        async for value in self.gen:
            return value
        raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            async for _ in self.gen:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    await self.gen.aclose()
            return False
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)
        except StopAsyncIteration as finished:
            return finished is not value
        except BaseException as raised:
            if _passes_through(raised, value, traceback, (StopIteration, StopAsyncIteration)):
                return False
            raise
        # The generator yielded again instead of ending.
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()


def contextmanager(func):
    """Decorator making a context manager factory of a generator function.

    The decorated generator function yields once: the code before the yield
    runs on entry (the yielded value is what `as` binds), the code after it
    on exit; an exception from the block is raised at the yield."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """Decorator making an async context manager factory of an async
    generator function; see contextmanager."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


# --- small managers --------------------------------------------------------

class closing(AbstractContextManager):
    """`with closing(thing) as t:` binds thing, and calls thing.close() when
    the block ends, however it ends."""

    def __init__(self, thing):
        self.thing = thing

    def __exit__(self, *exc_info):
        self.thing.close()

    def __enter__(self):
        return self.thing


class aclosing(AbstractAsyncContextManager):
    """`async with aclosing(thing) as t:` binds thing, and awaits
    thing.aclose() when the block ends (for async generators, say)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

    async def __aenter__(self):
        return self.thing


class _RedirectStream(AbstractContextManager):
    # Subclasses name the sys attribute they replace.
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []  # a stack, so one instance can be re-entered

    def __enter__(self):
        name = self._stream
        self._old_targets.append(getattr(sys, name))
        setattr(sys, name, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions: the block stops at
    the exception and execution goes on after the with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # issubclass, not the except clause's rules, so that ABCs with
        # registered subclasses work too.
        if exctype is None:
            return False
        return issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does no additional processing; `as` binds
    enter_result.  A stand-in where a manager is optional."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    async def __aenter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Makes `path` the working directory for the block, then goes back.
    The working directory belongs to the process: not thread-safe."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []  # a stack, so one instance can be re-entered

    def __enter__(self):
        import os
        here = os.getcwd()
        os.chdir(self.path)
        self._old_cwd.append(here)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())


# --- exit stacks -----------------------------------------------------------

class _Unwinding:
    """The state of an exit stack's unwinding: the exception the next callback
    sees, whether one was suppressed, whether one must be raised at the end."""

    def __init__(self, exc_details):
        self.details = exc_details
        self.received = exc_details[0] is not None
        self.suppressed = False
        self.must_raise = False
        # The exception being handled around the with statement, if any.
        self.outer = sys.exc_info()[1]

    def callback_returned(self, result):
        if result:
            self.suppressed = True
            self.must_raise = False
            self.details = (None, None, None)

    def callback_raised(self, exc):
        # The new exception's context chain should lead to the exception the
        # callback was given (as it would with nested with statements), not
        # to the one being handled outside: splice the chain.
        previous = self.details[1]
        link = exc
        while True:
            context = link.__context__
            if context is None or context is previous:
                break
            if context is self.outer:
                link.__context__ = previous
                break
            link = context
        self.details = (type(exc), exc, exc.__traceback__)
        self.must_raise = True

    def finish(self):
        if self.must_raise:
            exc = self.details[1]
            context = exc.__context__
            try:
                raise exc
            finally:
                # Raising here set __context__ to the outer exception; keep
                # the chain callback_raised made.
                exc.__context__ = context
        return self.received and self.suppressed


def _bind(exit_method, manager):
    # The callback an exit stack keeps for a manager's (a)exit method.
    def call_exit(exc_type, exc, tb):
        return exit_method(manager, exc_type, exc, tb)
    return call_exit


class _BaseExitStack:
    """A base class for ExitStack and AsyncExitStack."""

    def __init__(self):
        # (is synchronous, callback(exc_type, exc, tb)) pairs, last one first out.
        self._exit_callbacks = []

    def pop_all(self):
        """Preserve the context stack by transferring it to a new instance."""
        heir = type(self)()
        heir._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return heir

    def push(self, exit):
        """Registers a callback with the standard __exit__ method signature
        (it can suppress exceptions), or an object's __exit__ method."""
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, _bind(method, exit)))
        return exit  # usable as a decorator

    def enter_context(self, cm):
        """Enters the supplied context manager and pushes its __exit__;
        returns what __enter__ returned."""
        cls = type(cm)
        enter = getattr(cls, "__enter__", None)
        exit = getattr(cls, "__exit__", None)
        if enter is None or exit is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol")
        result = enter(cm)
        self._exit_callbacks.append((True, _bind(exit, cm)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers callback(*args, **kwds) to run on exit (it cannot
        suppress exceptions)."""
        def run_callback(exc_type, exc, tb):
            callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exit_callbacks.append((True, run_callback))
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    On exit the callbacks run last in first out, each seeing the exception
    left by the ones before (a callback returning true suppresses it).
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        state = _Unwinding(exc_details)
        while self._exit_callbacks:
            _, callback = self._exit_callbacks.pop()
            try:
                state.callback_returned(callback(*state.details))
            except BaseException as exc:
                state.callback_raised(exc)
        return state.finish()

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit
    callbacks, synchronous or coroutine functions."""

    async def enter_async_context(self, cm):
        """Enters the supplied async context manager and pushes its
        __aexit__; returns what __aenter__ returned."""
        cls = type(cm)
        enter = getattr(cls, "__aenter__", None)
        exit = getattr(cls, "__aexit__", None)
        if enter is None or exit is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol")
        result = await enter(cm)
        self._exit_callbacks.append((False, _bind(exit, cm)))
        return result

    def push_async_exit(self, exit):
        """Registers a coroutine function with the standard __aexit__
        signature, or an object's __aexit__ method."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, _bind(method, exit)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers coroutine function callback(*args, **kwds) to be awaited
        on exit."""
        async def run_callback(exc_type, exc, tb):
            await callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exit_callbacks.append((False, run_callback))
        return callback

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        state = _Unwinding(exc_details)
        while self._exit_callbacks:
            is_sync, callback = self._exit_callbacks.pop()
            try:
                result = callback(*state.details)
                state.callback_returned(result if is_sync else await result)
            except BaseException as exc:
                state.callback_raised(exc)
        return state.finish()
