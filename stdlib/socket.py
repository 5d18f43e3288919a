"""socket: the socket class over the descriptor functions of _socket.

A socket object owns a descriptor and its timeout; each blocking call hands
the timeout to _socket, which waits (None), fails at once (0.0) or waits up
to that many seconds, raising TimeoutError("timed out")."""

import _socket
import os
from enum import IntEnum
from _socket import gaierror, herror, gethostname, inet_aton, inet_ntoa, inet_pton, inet_ntop

error = OSError
timeout = TimeoutError

_FAMILIES = ("AF_UNSPEC", "AF_INET", "AF_INET6", "AF_UNIX")
_KINDS = ("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_NONBLOCK", "SOCK_CLOEXEC")

AddressFamily = IntEnum("AddressFamily", {n: getattr(_socket, n) for n in _FAMILIES}, module=__name__)
SocketKind = IntEnum("SocketKind", {n: getattr(_socket, n) for n in _KINDS}, module=__name__)
globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)

for _name in dir(_socket):
    if _name.isupper() and _name not in globals():
        globals()[_name] = getattr(_socket, _name)
del _name

_default_timeout = None


def _unsigned(func, x, bits):
    if not isinstance(x, int):
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    # CPython's messages differ between the 16- and 32-bit converters.
    if x < 0:
        if bits == 32:
            raise OverflowError("can't convert negative value to unsigned int")
        raise OverflowError(f"{func}: can't convert negative Python int to C {bits}-bit unsigned integer")
    if x >= 1 << bits:
        if bits == 32:
            raise OverflowError("int larger than 32 bits")
        raise OverflowError(f"{func}: Python int too large to convert to C {bits}-bit unsigned integer")
    return int.from_bytes(x.to_bytes(bits // 8, "big"), "little")


def htons(x):
    return _unsigned("htons", x, 16)


def ntohs(x):
    return _unsigned("ntohs", x, 16)


def htonl(x):
    return _unsigned("htonl", x, 32)


def ntohl(x):
    return _unsigned("ntohl", x, 32)


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _timeout_value(timeout)


def _timeout_value(timeout):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        raise TypeError(f"'{type(timeout).__name__}' object cannot be interpreted as an integer")
    timeout = float(timeout)
    if timeout < 0:
        raise ValueError("Timeout value out of range")
    return timeout


def _enum(enum, value):
    try:
        return enum(value)
    except ValueError:
        return value


class socket:
    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout", "__weakref__")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
            self._fd = _socket.socket(family, type, proto)
        else:
            self._fd = fileno.fileno() if hasattr(fileno, "fileno") else fileno
            if family == -1:
                family = _socket.getsockopt(self._fd, SOL_SOCKET, _SO_DOMAIN)
            if type == -1:
                type = _socket.getsockopt(self._fd, SOL_SOCKET, SO_TYPE)
            if proto == -1:
                proto = 0
        self._family = family
        self._type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = proto
        self._timeout = None
        if type & SOCK_NONBLOCK:
            self.setblocking(False)
        else:
            self.settimeout(_default_timeout)

    # -- identity --

    @property
    def family(self):
        return _enum(AddressFamily, self._family)

    @property
    def type(self):
        return _enum(SocketKind, self._type)

    @property
    def proto(self):
        return self._proto

    def fileno(self):
        return self._fd

    def __repr__(self):
        closed = self._fd == -1
        text = (f"<{type(self).__module__}.{type(self).__qualname__}{' [closed]' if closed else ''} "
                f"fd={self._fd}, family={self._family}, type={self._type}, proto={self._proto}")
        if not closed:
            try:
                text += f", laddr={self.getsockname()}"
                text += f", raddr={self.getpeername()}"
            except OSError:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    # -- lifetime --

    def close(self):
        fd, self._fd = self._fd, -1
        if fd != -1:
            os.close(fd)

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "_fd", -1) != -1:
            self.close()

    def _check(self):
        if self._fd == -1:
            raise OSError(9, "Bad file descriptor")
        return self._fd

    # -- timeouts --

    def settimeout(self, value):
        value = _timeout_value(value)
        if self._fd != -1:
            os.set_blocking(self._fd, value is None)
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0.0

    @property
    def timeout(self):
        return self._timeout

    # -- addresses --

    def _address(self, address):
        """`address` with its host name resolved for bind and connect."""
        if self._family in (AF_INET, AF_INET6) and isinstance(address, tuple) and address:
            host = address[0]
            if isinstance(host, str) and not _socket.is_numeric_host(self._family, host):
                infos = _socket.getaddrinfo(host, None, self._family, self._type)
                if not infos:
                    raise gaierror(EAI_NONAME, "Name or service not known")
                address = (infos[0][4][0],) + address[1:]
        return address

    def bind(self, address):
        _socket.bind(self._check(), self._family, self._address(address))

    def listen(self, backlog=None):
        _socket.listen(self._check(), min(SOMAXCONN, 128) if backlog is None else backlog)

    def accept(self):
        fd, address = _socket.accept(self._check(), self._timeout)
        sock = socket(self._family, self._type, self._proto, fileno=fd)
        # The new socket takes the default timeout, not the listener's.
        return sock, address

    def connect(self, address):
        _socket.connect(self._check(), self._family, self._address(address), self._timeout)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as exc:
            if exc.errno is None:
                raise
            return exc.errno
        return 0

    def getsockname(self):
        return _socket.getsockname(self._check())

    def getpeername(self):
        return _socket.getpeername(self._check())

    # -- data --

    def recv(self, bufsize, flags=0):
        return _socket.recv(self._check(), bufsize, flags, self._timeout)

    def recv_into(self, buffer, nbytes=0, flags=0):
        data = self.recv(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data)

    def recvfrom(self, bufsize, flags=0):
        return _socket.recvfrom(self._check(), bufsize, flags, self._timeout)

    def send(self, data, flags=0):
        return _socket.send(self._check(), data, flags, self._timeout)

    def sendall(self, data, flags=0):
        _socket.sendall(self._check(), data, flags, self._timeout)

    def sendto(self, data, flags_or_address, address=None):
        flags = 0
        if address is None:
            address = flags_or_address
        else:
            flags = flags_or_address
        return _socket.sendto(self._check(), data, flags, self._family, self._address(address), self._timeout)

    def shutdown(self, how):
        _socket.shutdown(self._check(), how)

    def setsockopt(self, level, option, value):
        _socket.setsockopt(self._check(), level, option, value)

    def getsockopt(self, level, option):
        return _socket.getsockopt(self._check(), level, option)

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file over the socket's descriptor; closing the file leaves the
        socket open."""
        import io
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError(f"invalid mode {mode!r} (only r, w, b allowed)")
        buffering = -1 if buffering is None else buffering
        if "b" in mode:
            return io.open(self._check(), mode, buffering, closefd=False)
        return io.open(self._check(), mode, buffering, encoding=encoding, errors=errors,
                       newline=newline, closefd=False)


SocketType = socket

# Linux's SO_DOMAIN: the family of a descriptor handed to socket(fileno=...).
_SO_DOMAIN = 39


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def fromfd(fd, family, type, proto=0):
    return socket(family, type, proto, os.dup(fd))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    return [(_enum(AddressFamily, f), _enum(SocketKind, t), p, canon, addr)
            for f, t, p, canon, addr in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def gethostbyname(hostname):
    if _socket.is_numeric_host(AF_INET, hostname) and hostname:
        return hostname
    return _socket.getaddrinfo(hostname, None, AF_INET)[0][4][0]


def getfqdn(name=""):
    name = name.strip()
    if not name or name == "0.0.0.0":
        name = gethostname()
    try:
        infos = _socket.getaddrinfo(name, None, 0, 0, 0, AI_CANONNAME)
    except OSError:
        return name
    return infos[0][3] if infos and infos[0][3] else name


def create_connection(address, timeout=object, source_address=None, *, all_errors=False):
    """Connects to (host, port) trying each address getaddrinfo gives, and
    returns the connected socket."""
    host, port = address
    errors = []
    for family, kind, proto, _, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not object:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if not errors:
        raise error("getaddrinfo returns an empty list")
    if all_errors:
        raise ExceptionGroup("create_connection failed", errors)
    raise errors[0]


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    return sock
