"""selectors: register file objects for read/write readiness and wait for
them. Every selector here waits with poll(2) (select._ready_fds), so
SelectSelector, PollSelector and EpollSelector differ only in name;
DefaultSelector is EpollSelector, as on CPython for Linux."""

import select
from collections import namedtuple
from collections.abc import Mapping

__all__ = ("BaseSelector", "SelectSelector", "PollSelector", "EpollSelector", "DefaultSelector",
           "SelectorKey", "EVENT_READ", "EVENT_WRITE")

EVENT_READ = 1
EVENT_WRITE = 2

SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class _KeyView(Mapping):
    """get_map(): file objects (or descriptors) to their keys."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __getitem__(self, fileobj):
        fd = self._selector._fd_of(fileobj)
        try:
            return self._selector._keys[fd]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def __iter__(self):
        return iter(self._selector._keys)


class BaseSelector:
    def __init__(self):
        self._keys = {}         # fd -> SelectorKey
        self._view = _KeyView(self)

    def _fd_of(self, fileobj):
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            # A closed file object: find it among the registered ones.
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if not events or events & ~(EVENT_READ | EVENT_WRITE):
            raise ValueError(f"Invalid events: {events!r}")
        key = SelectorKey(fileobj, self._fd_of(fileobj), events, data)
        if key.fd in self._keys:
            raise KeyError(f"{fileobj!r} (FD {key.fd}) is already registered")
        self._keys[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._keys.pop(self._fd_of(fileobj))
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def modify(self, fileobj, events, data=None):
        try:
            key = self._keys[self._fd_of(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._keys[key.fd] = key
        return key

    def select(self, timeout=None):
        """[(key, ready events)]; waits up to `timeout` seconds (None: for
        ever, <= 0: not at all)."""
        if timeout is not None:
            timeout = max(timeout, 0)
        readers = [fd for fd, key in self._keys.items() if key.events & EVENT_READ]
        writers = [fd for fd, key in self._keys.items() if key.events & EVENT_WRITE]
        readable, writable = select._ready_fds(readers, writers, timeout)
        ready = {}
        for fd in readable:
            ready[fd] = EVENT_READ
        for fd in writable:
            ready[fd] = ready.get(fd, 0) | EVENT_WRITE
        return [(self._keys[fd], events & self._keys[fd].events) for fd, events in ready.items()
                if fd in self._keys]

    def close(self):
        self._keys.clear()
        self._view = None

    def get_key(self, fileobj):
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError("Selector is closed")
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def get_map(self):
        return self._view

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class SelectSelector(BaseSelector):
    pass


class PollSelector(BaseSelector):
    pass


class EpollSelector(BaseSelector):
    pass


DefaultSelector = EpollSelector
