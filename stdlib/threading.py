"""threading: Python threads on OS threads (through _thread), and the
synchronisation tools built from _thread's locks.

Only one thread runs Python code at a time (the GIL); a thread blocked in
a sleep, a lock or I/O lets the others run."""

import _thread
import sys
from time import monotonic as _now

__all__ = ["get_ident", "get_native_id", "active_count", "Condition", "current_thread",
           "enumerate", "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore",
           "BoundedSemaphore", "Thread", "Barrier", "BrokenBarrierError", "Timer",
           "ThreadError", "ExceptHookArgs", "excepthook", "setprofile", "settrace",
           "local", "stack_size", "activeCount", "currentThread", "getprofile", "gettrace"]

get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
Lock = _thread.allocate_lock
RLock = _thread.RLock
TIMEOUT_MAX = _thread.TIMEOUT_MAX
ThreadError = _thread.error

_trace_hook = None
_profile_hook = None


def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


# ----- condition variables and the tools built on them -----

class Condition:
    """Threads wait on it until another notifies them; each waits while
    holding the condition's lock, which the wait releases meanwhile."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # The lock's own owner test, when it has one: notify() asks at
        # every call (every concurrent.futures Future notifies when done).
        if hasattr(lock, "_is_owned"):
            self._is_owned = lock._is_owned
        # A list, not a deque: a condition has a few waiters at most, and
        # every Future of concurrent.futures makes a Condition.
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _is_owned(self):
        if hasattr(self._lock, "_is_owned"):
            return self._lock._is_owned()
        # A plain lock has no owner: it is "ours" when it is taken.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _let_go(self):
        if hasattr(self._lock, "_release_save"):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _take_back(self, saved):
        if hasattr(self._lock, "_acquire_restore"):
            self._lock._acquire_restore(saved)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        # Each waiter blocks on a lock of its own, taken once here and a
        # second time below: notify() frees it.
        gate = _thread.allocate_lock()
        gate.acquire()
        self._waiters.append(gate)
        saved = self._let_go()
        woken = False
        try:
            if timeout is None:
                woken = gate.acquire()
            elif timeout > 0:
                woken = gate.acquire(True, timeout)
            else:
                woken = gate.acquire(False)
            return woken
        finally:
            self._take_back(saved)
            if not woken:
                try:
                    self._waiters.remove(gate)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        deadline = None if timeout is None else _now() + timeout
        result = predicate()
        while not result:
            if deadline is not None:
                left = deadline - _now()
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while n > 0 and self._waiters:
            gate = self._waiters.pop(0)
            try:
                gate.release()
            except RuntimeError:
                continue
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return (f"<{type(self).__module__}.{type(self).__qualname__} at {id(self):#x}: "
                f"value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _now() + timeout
                    else:
                        timeout = deadline - _now()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return (f"<{type(self).__module__}.{type(self).__qualname__} at {id(self):#x}: "
                f"value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        state = "set" if self._flag else "unset"
        return f"<{type(self).__module__}.{type(self).__qualname__} at {id(self):#x}: {state}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag:
                self._cond.wait(timeout)
            return self._flag


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets `parties` threads wait for each other; each wait() returns a
    distinct index in range(parties)."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._phase = 0          # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        if self.broken:
            return f"<{type(self).__module__}.{type(self).__qualname__} at {id(self):#x}: broken>"
        return (f"<{type(self).__module__}.{type(self).__qualname__} at {id(self):#x}: "
                f"waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._wait_for_filling()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    if not self._cond.wait_for(lambda: self._phase != 0, timeout):
                        self._break()
                        raise BrokenBarrierError
                    if self._phase < 0:
                        raise BrokenBarrierError
                return index
            finally:
                self._count -= 1
                if self._count == 0 and self._phase in (1, -1):
                    self._phase = 0
                    self._cond.notify_all()

    def _wait_for_filling(self):
        while self._phase in (1, -1):
            self._cond.wait()
        if self._phase < 0:
            raise BrokenBarrierError

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._phase = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _break(self):
        self._phase = -2
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._phase == 0:
                    self._phase = -1
                elif self._phase == -2:
                    self._phase = -1
            else:
                self._phase = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._phase == 0 else 0

    @property
    def broken(self):
        return self._phase == -2


# ----- threads -----

_registry_lock = Lock()
_running = {}        # ident -> Thread, for threads that have started running
_starting = {}       # Thread -> Thread, started but not yet running
_name_counter = 0


def _next_name(template):
    global _name_counter
    _name_counter += 1
    return template % _name_counter


class ExceptHookArgs(tuple):
    """What excepthook receives: (exc_type, exc_value, exc_traceback, thread)."""

    def __new__(cls, args):
        return super().__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def excepthook(args):
    """Reports an exception that ended a thread's run() on stderr."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    stderr = sys.stderr
    if stderr is None:
        return
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


__excepthook__ = excepthook


class Thread:
    """A callable run on an OS thread: pass `target`, or override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name:
            name = str(name)
        else:
            name = _next_name("Thread-%d")
            if target is not None:
                target_name = getattr(target, "__name__", None)
                if target_name is not None:
                    name += f" ({target_name})"
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._finished = False
        self._running_lock = None      # held by the thread while it runs
        self._initialized = True

    def __repr__(self):
        state = "initial"
        if self._started.is_set():
            state = "started"
        if self._finished:
            state = "stopped"
        if self._daemonic:
            state += " daemon"
        if self._ident is not None:
            state += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {state})>"

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set() or self._running_lock is not None:
            raise RuntimeError("threads can only be started once")
        self._running_lock = _thread.allocate_lock()
        self._running_lock.acquire()
        with _registry_lock:
            _starting[self] = self
        try:
            _thread.start_new_thread(self._bootstrap, ())
        except Exception:
            with _registry_lock:
                del _starting[self]
            raise
        self._started.wait()

    def _bootstrap(self):
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _registry_lock:
            _running[self._ident] = self
            _starting.pop(self, None)
        self._started.set()
        try:
            if _trace_hook is not None:
                sys.settrace(_trace_hook)
            try:
                self.run()
            except BaseException as exc:
                excepthook(ExceptHookArgs((type(exc), exc, exc.__traceback__, self)))
        finally:
            with _registry_lock:
                _running.pop(self._ident, None)
            self._finished = True
            self._running_lock.release()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references, so that a finished thread keeps nothing alive.
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._finished:
            return
        lock = self._running_lock
        if timeout is None:
            taken = lock.acquire()
        else:
            taken = lock.acquire(True, max(timeout, 0))
        if taken:
            lock.release()

    def is_alive(self):
        return self._started.is_set() and not self._finished

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls `function(*args, **kwargs)` after `interval` seconds unless
    cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name="MainThread", daemon=False)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._started.set()
        self._running_lock = _thread.allocate_lock()
        self._running_lock.acquire()
        _running[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread not started by this module."""

    def __init__(self):
        super().__init__(name=_next_name("Dummy-%d"), daemon=True)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._started.set()
        _running[self._ident] = self

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")

    def is_alive(self):
        return True


def current_thread():
    try:
        return _running[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def main_thread():
    return _main_thread


def enumerate():
    with _registry_lock:
        return list(_running.values()) + list(_starting.values())


def active_count():
    with _registry_lock:
        return len(_running) + len(_starting)


activeCount = active_count


_exit_hooks = []


def _register_atexit(func, *args, **kwargs):
    """Calls `func` when the main program ends, before the threads that
    are not daemons are waited for (executors finish their jobs here)."""
    _exit_hooks.append((func, args, kwargs))


def _shutdown():
    """Waits for the threads that are not daemons (called when the main
    program ends)."""
    if _main_thread._finished:
        return
    _main_thread._finished = True
    _main_thread._running_lock.release()
    for func, args, kwargs in reversed(_exit_hooks):
        func(*args, **kwargs)
    while True:
        with _registry_lock:
            waiting = [t for t in list(_running.values()) + list(_starting.values())
                       if not t.daemon and t is not _main_thread and t.is_alive()]
        if not waiting:
            return
        for t in waiting:
            t.join()


class local:
    """Attributes that each thread sees separately."""

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__per_thread", {})
        object.__setattr__(self, "_local__init_args", (args, kwargs))
        return self

    def _local__namespace(self):
        spaces = object.__getattribute__(self, "_local__per_thread")
        ident = get_ident()
        space = spaces.get(ident)
        if space is None:
            space = spaces[ident] = {}
            cls = type(self)
            if cls.__init__ is not object.__init__ and len(spaces) > 1:
                args, kwargs = object.__getattribute__(self, "_local__init_args")
                cls.__init__(self, *args, **kwargs)
        return space

    def __getattribute__(self, name):
        if name.startswith("_local__"):
            return object.__getattribute__(self, name)
        space = local._local__namespace(self)
        if name == "__dict__":
            return space
        if name in space:
            return space[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(f"{type(self).__name__!r} object attribute '__dict__' is read-only")
        local._local__namespace(self)[name] = value

    def __delattr__(self, name):
        space = local._local__namespace(self)
        try:
            del space[name]
        except KeyError:
            raise AttributeError(name) from None


_main_thread = _MainThread()
