# socket's address conversions and byte-order helpers.
import socket

cases = [(socket.inet_aton, ("x",)), (socket.inet_aton, ("1",)), (socket.inet_aton, ("127.0.0.1",)),
         (socket.inet_aton, ("10.1",)), (socket.inet_ntoa, (b"abc",)), (socket.inet_ntoa, (b"\x7f\0\0\1",)),
         (socket.inet_pton, (socket.AF_INET, "x")), (socket.inet_pton, (socket.AF_INET, "192.168.0.1")),
         (socket.inet_pton, (socket.AF_INET6, "::1")), (socket.inet_pton, (socket.AF_INET6, "zz")),
         (socket.inet_ntop, (socket.AF_INET, b"abc")), (socket.inet_ntop, (socket.AF_INET, b"\xc0\xa8\0\1")),
         (socket.inet_ntop, (socket.AF_INET6, bytes(16))),
         (socket.inet_ntop, (socket.AF_INET6, b"\x20\x01\x0d\xb8" + bytes(11) + b"\x01")),
         (socket.inet_pton, (99, "1.2.3.4")), (socket.inet_ntop, (99, b"1234")),
         (socket.htons, (70000,)), (socket.htons, (-1,)), (socket.htons, (1,)), (socket.htonl, (1,)),
         (socket.ntohs, (256,)), (socket.ntohl, (2**32,)), (socket.htonl, (-1,)), (socket.htons, ("1",)),
         (socket.inet_aton, (b"1.2.3.4",)), (socket.inet_ntoa, ("abcd",))]
for f, a in cases:
    try:
        print(f.__name__, repr(f(*a)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
