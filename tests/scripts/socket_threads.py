# Blocking sockets: a server in a thread and its clients, timeouts,
# non-blocking mode, UDP, socketpair and the errors CPython raises.
import socket
import threading


def serve(listener, count):
    for _ in range(count):
        conn, addr = listener.accept()
        with conn:
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(1024)
                if not chunk:
                    break
                data += chunk
            conn.sendall(b"echo: " + data)


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr:", listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
listener.bind(("127.0.0.1", 0))
listener.listen()
host, port = listener.getsockname()
print("listening on", host, port > 0)
thread = threading.Thread(target=serve, args=(listener, 3))
thread.start()

with socket.create_connection(("127.0.0.1", port)) as client:
    print("family/type:", client.family, client.type, repr(client.family))
    print("peer:", client.getpeername() == (host, port))
    client.sendall(b"hello\n")
    print(client.recv(100))

client = socket.socket()
client.connect(("localhost", port))
client.send(b"second ")
client.sendall(b"line\n")
reply = b""
while True:
    chunk = client.recv(3)
    if not chunk:
        break
    reply += chunk
print(reply)
client.close()
print("closed repr:", repr(client))
print("fileno after close:", client.fileno())
try:
    client.recv(1)
except OSError as e:
    print(type(e).__name__, e)

client = socket.create_connection(("127.0.0.1", port), timeout=5)
print("timeout:", client.gettimeout(), client.getblocking())
client.sendall(b"third\n")
print(client.recv(100))
client.close()
thread.join()
print("thread done:", not thread.is_alive())

# A timeout on accept and recv.
listener.settimeout(0.05)
try:
    listener.accept()
except socket.timeout as e:
    print("accept:", type(e).__name__, e, socket.timeout is TimeoutError)
listener.setblocking(False)
print("blocking:", listener.getblocking(), listener.gettimeout())
try:
    listener.accept()
except BlockingIOError as e:
    print("non-blocking accept:", e.errno == 11)
listener.close()

a, b = socket.socketpair()
print("socketpair family:", a.family.name)
b.settimeout(0.05)
try:
    b.recv(10)
except TimeoutError as e:
    print("recv:", e)
a.sendall(b"x" * 10)
print(b.recv(4), b.recv(100))
a.shutdown(socket.SHUT_WR)
print("after shutdown:", b.recv(10))
a.close()
b.close()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
    udp.bind(("127.0.0.1", 0))
    print("udp type:", udp.type)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.sendto(b"datagram", udp.getsockname())
        data, addr = udp.recvfrom(100)
        print(data, addr == sender.getsockname())

# Errors.
s = socket.socket()
for bad in [("127.0.0.1", 70000), "127.0.0.1", ("127.0.0.1",), (1, 2)]:
    try:
        s.bind(bad)
    except (OSError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ["a", -1]:
    try:
        s.settimeout(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    s.recv(-1)
except ValueError as e:
    print(type(e).__name__, e)
s.close()

closed = socket.socket()
closed.bind(("127.0.0.1", 0))
closed_port = closed.getsockname()[1]
closed.close()
try:
    socket.create_connection(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
print("connect_ex:", socket.socket().connect_ex(("127.0.0.1", closed_port)))
try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except socket.gaierror as e:
    print("gaierror:", isinstance(e, OSError), e.errno)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print("hostname:", isinstance(socket.gethostname(), str))
print("gethostbyname:", socket.gethostbyname("127.0.0.1"))
