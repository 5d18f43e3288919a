# signal: handlers run at the next safe point, the enums, dispositions.
import os
import signal

print(repr(signal.SIGINT), repr(signal.SIGTERM), int(signal.SIGUSR1))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.Signals(15), signal.Signals["SIGHUP"])
print(repr(signal.SIGIOT), signal.NSIG)

received = []


def handler(signum, frame):
    received.append(signal.Signals(signum).name)


old = signal.signal(signal.SIGUSR1, handler)
print("old:", repr(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal:", received)
os.kill(os.getpid(), signal.SIGUSR1)
import time
deadline = time.monotonic() + 10
while len(received) < 2 and time.monotonic() < deadline:
    time.sleep(0.001)
print("after kill:", received)


def interrupting(signum, frame):
    raise RuntimeError(f"interrupted by {signum}")


signal.signal(signal.SIGUSR2, interrupting)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from SIGINT")
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print("SIGINT ignored:", repr(signal.getsignal(signal.SIGINT)))
print("restored:", repr(signal.signal(signal.SIGINT, signal.default_int_handler)))
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)

for args in [(signal.SIGKILL, handler), (0, handler), (100, handler), (signal.SIGUSR1, "x")]:
    try:
        signal.signal(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), len(signal.valid_signals()) > 30, signal.SIGKILL in signal.valid_signals())
